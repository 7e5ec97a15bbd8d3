using FinCloud.Rules.Continuity;
using FsCheck;
using FsCheck.Fluent;

namespace FinCloud.Rules.Tests.Continuity;

public sealed class RecoveryGraphTests
{
    private static RecoveryNode Process(string id, double hours) => new(id, RecoveryNodeKind.Process, TimeSpan.FromHours(hours));

    private static RecoveryNode System(string id, double? hours = null) =>
        new(id, RecoveryNodeKind.System, hours is { } h ? TimeSpan.FromHours(h) : null);

    [Fact]
    public void A_system_takes_the_tightest_rto_of_the_processes_it_serves()
    {
        var rollup = RecoveryGraph.Rollup(
            [Process("deposits", 2), Process("loans", 8), System("core-banking"), System("db")],
            [new("deposits", "core-banking"), new("loans", "core-banking"), new("core-banking", "db")]);

        rollup.EffectiveRto("core-banking").ShouldBe(TimeSpan.FromHours(2));
        rollup.EffectiveRto("db").ShouldBe(TimeSpan.FromHours(2));
        rollup.Nodes["db"].GoverningProcessId.ShouldBe("deposits");
    }

    [Fact]
    public void A_system_no_process_reaches_has_no_effective_rto()
    {
        var rollup = RecoveryGraph.Rollup([Process("deposits", 2), System("intranet")], []);

        rollup.EffectiveRto("intranet").ShouldBeNull();
    }

    [Fact]
    public void A_dependency_that_recovers_more_slowly_than_its_dependant_needs_is_a_conflict()
    {
        var rollup = RecoveryGraph.Rollup(
            [Process("payments", 1), System("gateway", 1), new RecoveryNode("sms-vendor", RecoveryNodeKind.ThirdParty, TimeSpan.FromHours(4))],
            [new("payments", "gateway"), new("gateway", "sms-vendor")]);

        var conflict = rollup.Conflicts.ShouldHaveSingleItem();
        conflict.DependantId.ShouldBe("gateway");
        conflict.DependencyId.ShouldBe("sms-vendor");
        conflict.Required.ShouldBe(TimeSpan.FromHours(1));
        conflict.Gap.ShouldBe(TimeSpan.FromHours(3));
        conflict.GoverningProcessId.ShouldBe("payments");
    }

    [Fact]
    public void A_dependency_recovering_within_the_need_is_no_conflict()
    {
        var rollup = RecoveryGraph.Rollup([Process("payments", 3), System("gateway", 3)], [new("payments", "gateway")]);

        rollup.Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void A_cycle_is_reported_and_its_members_share_the_tightest_rto()
    {
        var rollup = RecoveryGraph.Rollup(
            [Process("fx", 4), Process("cards", 1), System("a"), System("b"), System("c")],
            [new("fx", "a"), new("a", "b"), new("b", "c"), new("c", "a"), new("cards", "c")]);

        rollup.Cycles.ShouldHaveSingleItem().ShouldBe(["a", "b", "c"]);
        rollup.EffectiveRto("a").ShouldBe(TimeSpan.FromHours(1));
        rollup.EffectiveRto("b").ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void A_system_depending_on_itself_is_a_cycle()
    {
        RecoveryGraph.Rollup([System("a")], [new("a", "a")]).Cycles.ShouldHaveSingleItem().ShouldBe(["a"]);
    }

    // Random graphs: processes p0..p4 with RTOs of 1-48 hours, systems s0..s9 with optional recovery times,
    // random edges (cycles included).
    private static Gen<(List<RecoveryNode> Nodes, List<RecoveryEdge> Edges)> Graphs() =>
        from processRtos in Gen.Choose(1, 48).ArrayOf(5)
        from systemTimes in Gen.Choose(0, 48).ArrayOf(10)
        from edgeCount in Gen.Choose(0, 30)
        from edges in Gen.Zip(Gen.Choose(0, 14), Gen.Choose(5, 14)).ArrayOf(edgeCount)
        select (
            processRtos.Select((h, i) => Process($"p{i}", h))
                .Concat(systemTimes.Select((h, i) => System($"s{i}", h == 0 ? null : h))).ToList(),
            edges.Select(e => new RecoveryEdge(Id(e.Item1), Id(e.Item2))).ToList());

    private static string Id(int i) => i < 5 ? $"p{i}" : $"s{i - 5}";

    private static TimeSpan? BruteForce(List<RecoveryNode> nodes, List<RecoveryEdge> edges, string target)
    {
        TimeSpan? best = null;
        foreach (var process in nodes.Where(n => n.Kind == RecoveryNodeKind.Process))
        {
            var seen = new HashSet<string> { process.Id };
            var queue = new Queue<string>([process.Id]);
            while (queue.TryDequeue(out var at))
            {
                foreach (var e in edges.Where(e => e.Dependant == at && seen.Add(e.Dependency)))
                {
                    queue.Enqueue(e.Dependency);
                }
            }

            if (seen.Contains(target) && (best is null || process.RecoveryTime < best))
            {
                best = process.RecoveryTime;
            }
        }

        return best;
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property The_effective_rto_is_the_minimum_over_every_process_that_reaches_the_node() =>
        Prop.ForAll(Graphs().ToArbitrary(), g =>
        {
            var rollup = RecoveryGraph.Rollup(g.Nodes, g.Edges);
            return g.Nodes.All(n => rollup.EffectiveRto(n.Id) == BruteForce(g.Nodes, g.Edges, n.Id));
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property A_dependency_is_never_required_to_recover_more_slowly_than_its_dependant() =>
        Prop.ForAll(Graphs().ToArbitrary(), g =>
        {
            var rollup = RecoveryGraph.Rollup(g.Nodes, g.Edges);
            return g.Edges.All(e => rollup.EffectiveRto(e.Dependant) is not { } need || rollup.EffectiveRto(e.Dependency) <= need);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Adding_a_dependency_never_loosens_an_effective_rto() =>
        Prop.ForAll(Graphs().ToArbitrary(), Gen.Zip(Gen.Choose(0, 14), Gen.Choose(5, 14)).ToArbitrary(), (g, extra) =>
        {
            var before = RecoveryGraph.Rollup(g.Nodes, g.Edges);
            var after = RecoveryGraph.Rollup(g.Nodes, [.. g.Edges, new RecoveryEdge(Id(extra.Item1), Id(extra.Item2))]);
            return g.Nodes.All(n => before.EffectiveRto(n.Id) is not { } was || after.EffectiveRto(n.Id) <= was);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Every_conflict_is_an_edge_whose_dependency_recovers_more_slowly_than_required() =>
        Prop.ForAll(Graphs().ToArbitrary(), g =>
        {
            var rollup = RecoveryGraph.Rollup(g.Nodes, g.Edges);
            var times = g.Nodes.ToDictionary(n => n.Id, n => n.RecoveryTime);
            var expected = g.Edges.Distinct()
                .Where(e => rollup.EffectiveRto(e.Dependant) is { } need && times[e.Dependency] is { } have && have > need)
                .Select(e => (e.Dependant, e.Dependency)).ToHashSet();
            return rollup.Conflicts.Select(c => (c.DependantId, c.DependencyId)).ToHashSet().SetEquals(expected)
                && rollup.Conflicts.Count == expected.Count;
        });
}
