using FinCloud.Rules.Continuity;

namespace FinCloud.Rules.Tests.Continuity;

public sealed class DisasterRecoveryCheckTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_large_e_finance_firm_sees_its_dr_duty_coming_and_then_in_force()
    {
        var firm = new DrInstitution("electronic-finance", null, 3_000_000_000_000, null);

        var before = DisasterRecoveryCheck.Duty(firm, D(2025, 12, 1));
        var after = DisasterRecoveryCheck.Duty(firm, D(2026, 2, 5));

        before.Required.ShouldBeFalse();
        before.RequiredFrom.ShouldBe(D(2026, 2, 5));
        after.Required.ShouldBeTrue();
        after.RequiredFrom.ShouldBe(D(2026, 2, 5));
    }

    [Fact]
    public void A_bank_has_had_the_duty_since_2004()
    {
        DisasterRecoveryCheck.Duty(new DrInstitution("bank", null, null, null), D(2026, 6, 1)).RequiredFrom.ShouldBe(D(2004, 1, 1));
    }

    [Fact]
    public void Core_systems_without_dr_or_below_the_capacity_target_and_missing_lines_are_found()
    {
        var check = DisasterRecoveryCheck.Check(new DrInstitution("bank", null, null, null), hasDrCentre: true,
            [
                new("s1", "계정계", Core: true, DrMode.None, null, 0, 0, NeedsExternalLines: true),
                new("s2", "대외계", Core: true, DrMode.Hot, 0.5m, 0, 0, NeedsExternalLines: true),
                new("s3", "인터넷뱅킹", Core: true, DrMode.ActiveActive, 1m, 2, 1, NeedsExternalLines: true),
                new("s4", "그룹웨어", Core: false, DrMode.None, null, 0, 0, NeedsExternalLines: false),
                new("s5", "경영보고", Core: false, DrMode.Cold, 0.3m, 0, 0, NeedsExternalLines: false), // reduced capacity is fine outside core work
            ],
            capacityTarget: 1m, D(2026, 6, 1));

        check.Findings.Select(f => (f.Kind, f.SystemId)).ShouldBe(
        [
            (DrFindingKind.CoreSystemWithoutDr, "s1"),
            (DrFindingKind.CapacityBelowTarget, "s2"),
            (DrFindingKind.NoDedicatedLineAtDr, "s2"),
            (DrFindingKind.SingleCarrier, "s3"),
        ]);
    }

    [Fact]
    public void An_obliged_institution_without_a_dr_centre_is_flagged()
    {
        var check = DisasterRecoveryCheck.Check(new DrInstitution("savings-bank", null, null, OwnItSystem: true), hasDrCentre: false, [], 1m, D(2026, 2, 5));

        check.Findings.ShouldHaveSingleItem().Kind.ShouldBe(DrFindingKind.NoDrCentre);
    }
}
