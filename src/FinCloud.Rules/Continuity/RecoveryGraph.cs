namespace FinCloud.Rules.Continuity;

/// <summary>What a node of the BIA dependency graph stands for.</summary>
public enum RecoveryNodeKind
{
    /// <summary>단위업무: carries the RTO the business needs.</summary>
    Process = 1,

    /// <summary>IT 서비스·시스템.</summary>
    System = 2,

    /// <summary>인프라 (network, storage, data centre services).</summary>
    Infrastructure = 3,

    /// <summary>클라우드 서비스 제공자.</summary>
    CloudProvider = 4,

    /// <summary>제3자 연계 서비스.</summary>
    ThirdParty = 5,
}

/// <summary>
/// One node. For a process <paramref name="RecoveryTime"/> is the RTO the business set; for anything else it is
/// the recovery time the node is built or contracted for (DR design, SLA), when known.
/// </summary>
public sealed record RecoveryNode(string Id, RecoveryNodeKind Kind, TimeSpan? RecoveryTime);

/// <summary><paramref name="Dependant"/> cannot run without <paramref name="Dependency"/>.</summary>
public sealed record RecoveryEdge(string Dependant, string Dependency);

/// <summary>A node's required recovery time: the tightest RTO of the processes that reach it.</summary>
public sealed record NodeRollup(string Id, TimeSpan? EffectiveRto, string? GoverningProcessId);

/// <summary>A dependency recovers more slowly than its dependant needs (the BIA conflict the FSS asked to flag).</summary>
public sealed record RecoveryConflict(string DependantId, string DependencyId, TimeSpan Required, TimeSpan DependencyRecoveryTime, string GoverningProcessId)
{
    public TimeSpan Gap => DependencyRecoveryTime - Required;
}

/// <summary>The roll-up of a whole graph.</summary>
public sealed record RecoveryRollup(
    IReadOnlyDictionary<string, NodeRollup> Nodes,
    IReadOnlyList<RecoveryConflict> Conflicts,
    IReadOnlyList<IReadOnlyList<string>> Cycles)
{
    public TimeSpan? EffectiveRto(string id) => Nodes.TryGetValue(id, out var node) ? node.EffectiveRto : null;
}

/// <summary>
/// RTO roll-up over the process → system → infrastructure/CSP/third-party graph. A node's effective RTO is the
/// tightest RTO among the processes that depend on it, directly or through other nodes; a node no process reaches
/// has none. Cycles are allowed (two systems calling each other): every node of a cycle then shares the tightest
/// RTO of the cycle, and the cycle is reported so the BIA can be checked.
/// </summary>
public static class RecoveryGraph
{
    public static RecoveryRollup Rollup(IReadOnlyCollection<RecoveryNode> nodes, IReadOnlyCollection<RecoveryEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        var byId = new Dictionary<string, RecoveryNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byId.TryAdd(node.Id, node);
        }

        var dependencies = byId.Keys.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in edges.Where(e => byId.ContainsKey(e.Dependant) && byId.ContainsKey(e.Dependency)).Distinct())
        {
            dependencies[edge.Dependant].Add(edge.Dependency);
        }

        // Visiting processes from the tightest RTO up, the first process to reach a node governs it; a node already
        // reached was reached by a process at least as tight, and so were all nodes below it. Linear in the graph.
        var governed = new Dictionary<string, (TimeSpan Rto, string Process)>(StringComparer.Ordinal);
        var processes = byId.Values
            .Where(n => n.Kind == RecoveryNodeKind.Process && n.RecoveryTime is not null)
            .OrderBy(n => n.RecoveryTime).ThenBy(n => n.Id, StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (var process in processes)
        {
            if (governed.ContainsKey(process.Id))
            {
                continue;
            }

            governed[process.Id] = (process.RecoveryTime!.Value, process.Id);
            stack.Push(process.Id);
            while (stack.TryPop(out var current))
            {
                foreach (var next in dependencies[current])
                {
                    if (governed.TryAdd(next, (process.RecoveryTime.Value, process.Id)))
                    {
                        stack.Push(next);
                    }
                }
            }
        }

        var rollups = byId.Keys.ToDictionary(
            id => id,
            id => governed.TryGetValue(id, out var g) ? new NodeRollup(id, g.Rto, g.Process) : new NodeRollup(id, null, null),
            StringComparer.Ordinal);

        var conflicts = new List<RecoveryConflict>();
        foreach (var (dependant, targets) in dependencies)
        {
            if (!governed.TryGetValue(dependant, out var required))
            {
                continue;
            }

            foreach (var dependency in targets.Distinct(StringComparer.Ordinal))
            {
                if (byId[dependency].RecoveryTime is { } available && available > required.Rto)
                {
                    conflicts.Add(new RecoveryConflict(dependant, dependency, required.Rto, available, required.Process));
                }
            }
        }

        return new RecoveryRollup(
            rollups,
            [.. conflicts.OrderByDescending(c => c.Gap).ThenBy(c => c.DependantId, StringComparer.Ordinal).ThenBy(c => c.DependencyId, StringComparer.Ordinal)],
            Cycles(dependencies));
    }

    /// <summary>Strongly connected components with more than one node, or a node depending on itself (iterative Tarjan).</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Cycles(Dictionary<string, List<string>> dependencies)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<IReadOnlyList<string>>();
        var counter = 0;
        foreach (var root in dependencies.Keys.Order(StringComparer.Ordinal))
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Node, int Next)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var targets = dependencies[node];
                if (next < targets.Count)
                {
                    work.Push((node, next + 1));
                    var target = targets[next];
                    if (!index.TryGetValue(target, out var targetIndex))
                    {
                        index[target] = low[target] = counter++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], targetIndex);
                    }

                    continue;
                }

                if (work.TryPeek(out var parent))
                {
                    low[parent.Node] = Math.Min(low[parent.Node], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);

                    if (component.Count > 1 || targets.Contains(node))
                    {
                        result.Add([.. component.Order(StringComparer.Ordinal)]);
                    }
                }
            }
        }

        return result;
    }
}
