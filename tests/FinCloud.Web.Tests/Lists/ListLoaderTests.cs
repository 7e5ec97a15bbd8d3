using FinCloud.Web.Components.Lists;

namespace FinCloud.Web.Tests.Lists;

/// <summary>
/// The list's loads share the page's one context: a search typed before the first page arrives must wait for it,
/// never query beside it, and the newest request decides what the list shows.
/// </summary>
public sealed class ListLoaderTests
{
    /// <summary>A stand-in for the context: counts queries running at once and lets the test finish each one.</summary>
    private sealed class FakeContext
    {
        private int _running;

        public int MostAtOnce { get; private set; }

        public List<string> Queries { get; } = [];

        public Dictionary<string, TaskCompletionSource<string>> Pending { get; } = [];

        public async Task<string> QueryAsync(string search)
        {
            MostAtOnce = Math.Max(MostAtOnce, ++_running);
            Queries.Add(search);
            var result = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            Pending[search] = result;
            try
            {
                return await result.Task;
            }
            finally
            {
                _running--;
            }
        }
    }

    [Fact]
    public async Task A_search_submitted_during_the_first_load_waits_for_it_and_wins()
    {
        var db = new FakeContext();
        var loader = new ListLoader();
        var search = "";
        var first = loader.RunAsync(() => db.QueryAsync(search));
        search = "계정계";
        var second = loader.RunAsync(() => db.QueryAsync(search));

        db.Queries.ShouldBe([""], "the search must not query while the first load runs");
        loader.Busy.ShouldBeTrue();
        db.Pending[""].SetResult("all");
        (await first).ShouldBe((false, "all"), "the first page is stale once a search was asked for");
        await WaitUntil(() => db.Queries.Count == 2);
        db.Queries.ShouldBe(["", "계정계"]);
        db.Pending["계정계"].SetResult("matches");
        (await second).ShouldBe((true, "matches"));
        db.MostAtOnce.ShouldBe(1);
        loader.Busy.ShouldBeFalse();
    }

    [Fact]
    public async Task Requests_overtaken_while_waiting_never_query()
    {
        var db = new FakeContext();
        var loader = new ListLoader();
        var search = "a";
        var running = loader.RunAsync(() => db.QueryAsync(search));
        var overtaken = new List<Task<(bool Fresh, string? Value)>>();
        foreach (var typed in new[] { "ab", "abc" })
        {
            search = typed;
            overtaken.Add(loader.RunAsync(() => db.QueryAsync(search)));
        }

        search = "abcd";
        var last = loader.RunAsync(() => db.QueryAsync(search));
        db.Pending["a"].SetResult("A");
        await WaitUntil(() => db.Queries.Count == 2);
        db.Pending["abcd"].SetResult("ABCD");

        (await last).ShouldBe((true, "ABCD"));
        (await running).Fresh.ShouldBeFalse();
        foreach (var t in overtaken)
        {
            (await t).Fresh.ShouldBeFalse();
        }

        db.Queries.ShouldBe(["a", "abcd"]);
        db.MostAtOnce.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_load_does_not_block_the_next_one()
    {
        var loader = new ListLoader();
        await Should.ThrowAsync<InvalidOperationException>(() => loader.RunAsync<string>(() => throw new InvalidOperationException("database down")));
        (await loader.RunAsync(() => Task.FromResult("page 1"))).ShouldBe((true, "page 1"));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        condition().ShouldBeTrue();
    }
}
