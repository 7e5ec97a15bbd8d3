namespace FinCloud.Web.Components.Lists;

/// <summary>
/// Runs a list's loads one at a time, the newest request winning. A page's context must never run two queries at
/// once, yet a search submitted while the first page is still loading (or a quick sort, filter and page click) asks for
/// a second load before the first has finished. Each load waits for the one before it; a request overtaken by a newer
/// one while waiting does not query at all, and a load overtaken while running reports its result as stale.
/// </summary>
public sealed class ListLoader
{
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;
    private long _latest;

    /// <summary>True while a load is queued or running.</summary>
    public bool Busy => !_tail.IsCompleted;

    /// <summary>Runs <paramref name="load"/> after every earlier load; Fresh is false when a newer request came in meanwhile.</summary>
    public async Task<(bool Fresh, T? Value)> RunAsync<T>(Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long ticket;
        Task previous;
        lock (_gate)
        {
            ticket = ++_latest;
            previous = _tail;
            _tail = done.Task;
        }

        try
        {
            await previous.ConfigureAwait(true);
            if (ticket != Interlocked.Read(ref _latest))
            {
                return (false, default);
            }

            var value = await load().ConfigureAwait(true);
            return (ticket == Interlocked.Read(ref _latest), value);
        }
        finally
        {
            done.SetResult();
        }
    }

    /// <summary>
    /// Runs other work on the same context in the same queue (a page saving a form beside its list), without
    /// overtaking any load: it waits for the loads before it, and loads asked for meanwhile wait for it.
    /// </summary>
    public async Task ExclusiveAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _tail;
            _tail = done.Task;
        }

        try
        {
            await previous.ConfigureAwait(true);
            await work().ConfigureAwait(true);
        }
        finally
        {
            done.SetResult();
        }
    }
}
