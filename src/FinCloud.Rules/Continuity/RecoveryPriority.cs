namespace FinCloud.Rules.Continuity;

/// <summary>
/// 시간대별 영향: the cumulative impact of an interruption that has lasted <paramref name="After"/>. Financial loss
/// in won; customer, regulatory and reputation impact as scores from 0 (none) to 5 (severe).
/// </summary>
public sealed record ImpactPoint(TimeSpan After, long FinancialLossKrw, int Customer, int Regulatory, int Reputation);

/// <summary>
/// What one point of a non-financial score is worth in won, so the four dimensions add up to one potential loss
/// (잠재손실). The institution sets the weights in its BIA method; the seed found priorities resting on single
/// factors, which this avoids.
/// </summary>
public sealed record ImpactWeights(long CustomerKrwPerPoint, long RegulatoryKrwPerPoint, long ReputationKrwPerPoint)
{
    public static readonly ImpactWeights Default = new(50_000_000, 100_000_000, 80_000_000);
}

/// <summary>One process placed in the recovery order, with the figures the order rests on.</summary>
public sealed record RankedProcess(
    string Id,
    int Priority,
    TimeSpan? TimeToTolerance,
    long PotentialLossAtHorizonKrw,
    long FirstHourLossKrw);

/// <summary>
/// 잠재손실 and 복구 우선순위 (S2: the BIA estimates the potential loss of each unit of work over time and sets the
/// recovery priorities from it). Between two assessed points the loss grows linearly; before the first point it
/// grows from zero at the start of the outage; after the last point it stays at the last value.
/// </summary>
public static class RecoveryPriority
{
    /// <summary>The horizon for the second sort key: a business day of outage.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

    /// <summary>Potential loss in won after an outage of <paramref name="elapsed"/>.</summary>
    public static long PotentialLossAt(IReadOnlyList<ImpactPoint> curve, TimeSpan elapsed, ImpactWeights weights)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(weights);
        if (elapsed <= TimeSpan.Zero || curve.Count == 0)
        {
            return 0;
        }

        var previousTime = TimeSpan.Zero;
        var previousLoss = 0m;
        foreach (var point in curve.OrderBy(p => p.After))
        {
            var loss = (decimal)Combined(point, weights);
            if (elapsed <= point.After)
            {
                var span = (decimal)(point.After - previousTime).Ticks;
                var share = span == 0 ? 1m : (elapsed - previousTime).Ticks / span;
                return (long)Math.Round(previousLoss + ((loss - previousLoss) * share), MidpointRounding.AwayFromZero);
            }

            previousTime = point.After;
            previousLoss = loss;
        }

        return (long)previousLoss;
    }

    /// <summary>시간당 잠재손실 between two moments of the outage.</summary>
    public static long LossPerHour(IReadOnlyList<ImpactPoint> curve, TimeSpan from, TimeSpan to, ImpactWeights weights)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, from);
        var loss = PotentialLossAt(curve, to, weights) - PotentialLossAt(curve, from, weights);
        return (long)Math.Round(loss / (to - from).TotalHours, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// 최대허용중단시간: how long the process may stay down before its potential loss reaches the institution's
    /// tolerance, or null when it never does within the assessed points.
    /// </summary>
    public static TimeSpan? TimeToTolerance(IReadOnlyList<ImpactPoint> curve, long toleranceKrw, ImpactWeights weights)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(weights);
        var previousTime = TimeSpan.Zero;
        var previousLoss = 0m;
        foreach (var point in curve.OrderBy(p => p.After))
        {
            var loss = (decimal)Combined(point, weights);
            if (loss >= toleranceKrw)
            {
                if (loss == previousLoss)
                {
                    return point.After;
                }

                var share = (toleranceKrw - previousLoss) / (loss - previousLoss);
                return previousTime + TimeSpan.FromTicks((long)Math.Ceiling((point.After - previousTime).Ticks * Math.Max(0m, share)));
            }

            previousTime = point.After;
            previousLoss = Math.Max(previousLoss, loss);
        }

        return null;
    }

    /// <summary>
    /// Recovery order: first the process that reaches the loss tolerance soonest, then the larger loss over a
    /// business day, then the larger loss in the first hour; the id only breaks exact ties.
    /// </summary>
    public static IReadOnlyList<RankedProcess> Rank(IEnumerable<(string Id, IReadOnlyList<ImpactPoint> Curve)> processes, long toleranceKrw, ImpactWeights weights)
    {
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(weights);
        return processes
            .Select(p => (p.Id,
                Tolerance: TimeToTolerance(p.Curve, toleranceKrw, weights),
                Day: PotentialLossAt(p.Curve, Horizon, weights),
                Hour: PotentialLossAt(p.Curve, TimeSpan.FromHours(1), weights)))
            .OrderBy(p => p.Tolerance ?? TimeSpan.MaxValue)
            .ThenByDescending(p => p.Day)
            .ThenByDescending(p => p.Hour)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select((p, i) => new RankedProcess(p.Id, i + 1, p.Tolerance, p.Day, p.Hour))
            .ToList();
    }

    private static long Combined(ImpactPoint point, ImpactWeights weights) =>
        point.FinancialLossKrw
        + (Math.Clamp(point.Customer, 0, 5) * weights.CustomerKrwPerPoint)
        + (Math.Clamp(point.Regulatory, 0, 5) * weights.RegulatoryKrwPerPoint)
        + (Math.Clamp(point.Reputation, 0, 5) * weights.ReputationKrwPerPoint);
}
