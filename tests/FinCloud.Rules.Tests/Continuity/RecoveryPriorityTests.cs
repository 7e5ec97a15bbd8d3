using FinCloud.Rules.Continuity;
using FsCheck;
using FsCheck.Fluent;

namespace FinCloud.Rules.Tests.Continuity;

public sealed class RecoveryPriorityTests
{
    private static readonly ImpactWeights NoScores = new(0, 0, 0);

    private static ImpactPoint At(double hours, long loss, int customer = 0, int regulatory = 0, int reputation = 0) =>
        new(TimeSpan.FromHours(hours), loss, customer, regulatory, reputation);

    [Fact]
    public void Potential_loss_grows_linearly_between_assessed_points()
    {
        IReadOnlyList<ImpactPoint> curve = [At(1, 100_000_000), At(4, 400_000_000)];

        RecoveryPriority.PotentialLossAt(curve, TimeSpan.FromMinutes(30), NoScores).ShouldBe(50_000_000);
        RecoveryPriority.PotentialLossAt(curve, TimeSpan.FromHours(2), NoScores).ShouldBe(200_000_000);
        RecoveryPriority.PotentialLossAt(curve, TimeSpan.FromHours(30), NoScores).ShouldBe(400_000_000);
        RecoveryPriority.LossPerHour(curve, TimeSpan.FromHours(1), TimeSpan.FromHours(4), NoScores).ShouldBe(100_000_000);
    }

    [Fact]
    public void Non_financial_impact_counts_at_the_institutions_weights()
    {
        IReadOnlyList<ImpactPoint> curve = [At(1, 0, customer: 2, regulatory: 1, reputation: 3)];

        RecoveryPriority.PotentialLossAt(curve, TimeSpan.FromHours(1), new ImpactWeights(10, 100, 1_000)).ShouldBe(3_120);
    }

    [Fact]
    public void The_time_to_tolerance_is_where_the_loss_curve_crosses_it()
    {
        IReadOnlyList<ImpactPoint> curve = [At(2, 200_000_000), At(6, 1_000_000_000)];

        RecoveryPriority.TimeToTolerance(curve, 600_000_000, NoScores).ShouldBe(TimeSpan.FromHours(4));
        RecoveryPriority.TimeToTolerance(curve, 2_000_000_000, NoScores).ShouldBeNull();
    }

    [Fact]
    public void A_process_with_little_money_but_heavy_regulatory_impact_outranks_a_costlier_one()
    {
        // The seed's failure: ranking by money alone would put settlement first.
        var ranked = RecoveryPriority.Rank(
            [
                ("settlement", [At(4, 900_000_000)]),
                ("customer-auth", [At(1, 100_000_000, customer: 5, regulatory: 5, reputation: 5)]),
            ],
            toleranceKrw: 500_000_000,
            ImpactWeights.Default);

        ranked.Select(r => r.Id).ShouldBe(["customer-auth", "settlement"]);
        ranked[0].Priority.ShouldBe(1);
    }

    private static Gen<(ImpactPoint[] Higher, ImpactPoint[] Lower)> DominatedPairs() =>
        from steps in Gen.Choose(1, 6)
        from gaps in Gen.Choose(1, 12).ArrayOf(steps)
        from higherIncrements in Gen.Choose(0, 500).ArrayOf(steps)
        from cuts in Gen.Choose(0, 100).ArrayOf(steps)
        select Build(gaps, higherIncrements, cuts);

    // Cumulative curves on one time grid; the lower curve's increments are a share of the higher one's.
    private static (ImpactPoint[], ImpactPoint[]) Build(int[] gaps, int[] increments, int[] cuts)
    {
        var higher = new ImpactPoint[gaps.Length];
        var lower = new ImpactPoint[gaps.Length];
        long t = 0, h = 0, l = 0;
        for (var i = 0; i < gaps.Length; i++)
        {
            t += gaps[i];
            h += increments[i] * 1_000_000L;
            l += increments[i] * 1_000_000L * cuts[i] / 100;
            higher[i] = At(t, h);
            lower[i] = At(t, l);
        }

        return (higher, lower);
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property A_process_whose_loss_is_never_smaller_is_never_ranked_later() =>
        Prop.ForAll(DominatedPairs().ToArbitrary(), Gen.Choose(1, 3_000).ToArbitrary(), (pair, toleranceMillions) =>
        {
            // "b" sorts after "a" by id, so an exact tie also keeps the dominant one first.
            var ranked = RecoveryPriority.Rank([("b", pair.Lower), ("a", pair.Higher)], toleranceMillions * 1_000_000L, NoScores);
            return ranked[0].Id == "a";
        });
}
