using FinCloud.Rules.Continuity;

namespace FinCloud.Rules.Tests.Continuity;

public sealed class InsuranceComplianceTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IReadOnlyList<CoveredIncidentType> AllTypes(long limit) =>
        [new(InsuredIncidentType.ForgedAccessMedia, limit), new(InsuredIncidentType.TransmissionOrProcessing, limit), new(InsuredIncidentType.FraudulentlyObtainedAccessMedia, limit)];

    private static LiabilityPolicyTerms Policy(long aggregate, long? perIncident = null, IReadOnlyList<CoveredIncidentType>? types = null, DateOnly? changed = null) =>
        new("POL-1", D(2025, 7, 1), D(2026, 12, 31), aggregate, perIncident ?? aggregate, types ?? AllTypes(aggregate), changed ?? D(2025, 7, 1));

    private static InsuredInstitution Institution(string category, params ElectronicFinanceRegistration[] registrations) => new(category, null, registrations);

    [Fact]
    public void A_specialised_credit_firm_with_1억_cover_falls_short_on_2026_02_05()
    {
        var firm = Institution("specialized-credit");
        IReadOnlyCollection<LiabilityPolicyTerms> policies = [Policy(100_000_000)];

        InsuranceCompliance.Check(firm, policies, 0, D(2026, 2, 4)).Compliant.ShouldBeTrue();
        var after = InsuranceCompliance.Check(firm, policies, 0, D(2026, 2, 5));
        after.Compliant.ShouldBeFalse();
        after.RequiredKrw.ShouldBe(200_000_000);
        after.MinimumVersionId.ShouldBe("2026-02-05");
        after.Shortfalls.Select(s => s.Kind).ShouldContain(InsuranceShortfallKind.LimitBelowMinimum);
        InsuranceCompliance.NextShortfallOn(firm, policies, 0, D(2025, 12, 1)).ShouldBe(D(2026, 2, 5));
    }

    [Fact]
    public void A_card_company_with_1억_cover_is_short_before_and_after_2026_02_05_under_the_conservative_reading()
    {
        // Card companies have needed 10억 since 2007; from 2026-02-05 the sources conflict (10억 vs the 여전사 2억)
        // and ED-18 applies the higher amount, labelled conservative.
        var card = Institution("card");
        IReadOnlyCollection<LiabilityPolicyTerms> policies = [Policy(100_000_000)];

        var before = InsuranceCompliance.Check(card, policies, 0, D(2026, 2, 4));
        var after = InsuranceCompliance.Check(card, policies, 0, D(2026, 2, 5));

        before.Compliant.ShouldBeFalse();
        before.RequiredKrw.ShouldBe(1_000_000_000);
        after.Compliant.ShouldBeFalse();
        after.Unverified.ShouldBeTrue();
        after.Reasoning[0].ShouldContain("보수적 해석");
        // The amount used says where it comes from and how sure we are: the 2009 press figure, not the 2025 text.
        (after.Minimum!.AmountKrw, after.Minimum.Confidence, after.Minimum.Conservative).ShouldBe((1_000_000_000, FinCloud.Rules.Rulebooks.Confidence.Reconstructed, true));
        after.Minimum.SourceUrl.ShouldBe("https://etnews.com/200907120047");
    }

    [Fact]
    public void A_card_company_with_1억_cover_flips_on_2026_02_05_under_the_여전사_reading_which_is_shown_but_not_applied()
    {
        var card = Institution("card");
        IReadOnlyCollection<LiabilityPolicyTerms> policies = [Policy(100_000_000)];

        var before = InsuranceCompliance.Check(card, policies, 0, D(2026, 2, 4));
        var after = InsuranceCompliance.Check(card, policies, 0, D(2026, 2, 5));

        before.Alternative!.Compliant.ShouldBeTrue();
        before.Alternative.RequiredKrw.ShouldBe(100_000_000);
        after.Alternative!.Compliant.ShouldBeFalse();
        after.Alternative.RequiredKrw.ShouldBe(200_000_000);
        after.Alternative.Shortfalls.Select(s => s.Kind).ShouldContain(InsuranceShortfallKind.LimitBelowMinimum);
        after.Alternative.Reading.Confidence.ShouldBe(FinCloud.Rules.Rulebooks.Confidence.Reconstructed);
        // The applied reading stays the conservative one: the other reading never clears a shortfall.
        (before.Compliant, after.Compliant).ShouldBe((false, false));
        before.Reasoning[^1].ShouldBe("참고 — 다른 해석 (카드사를 여신전문금융회사로 보는 해석) 기준금액 1억원 [R]: 충족 (적용하지 않음)");
        after.Reasoning[^1].ShouldStartWith("참고 — 다른 해석 (카드사를 여신전문금융회사로 보는 해석) 기준금액 2억원 [R]: 미달");
    }

    [Fact]
    public void A_card_company_holding_10억_meets_both_readings_and_only_conflicting_entries_carry_another_reading()
    {
        var check = InsuranceCompliance.Check(Institution("card"), [Policy(1_000_000_000)], 0, D(2026, 6, 1));

        (check.Compliant, check.Alternative!.Compliant).ShouldBe((true, true));
        InsuranceCompliance.Check(Institution("commercial-bank"), [Policy(2_000_000_000)], 0, D(2026, 6, 1)).Alternative.ShouldBeNull();
        FinCloud.Rules.Rulebooks.RulebookLibrary.InsuranceMinimums.All
            .SelectMany(v => v.Minimums)
            .Where(m => m.Conservative)
            .ShouldAllBe(m => m.Alternative != null && m.Alternative.AmountKrw < m.AmountKrw);
    }

    [Fact]
    public void A_per_incident_limit_below_the_minimum_is_a_shortfall_even_when_the_aggregate_suffices()
    {
        var check = InsuranceCompliance.Check(Institution("commercial-bank"), [Policy(5_000_000_000, perIncident: 1_000_000_000)], 0, D(2026, 6, 1));

        check.Shortfalls.ShouldHaveSingleItem().Kind.ShouldBe(InsuranceShortfallKind.PerIncidentLimitBelowMinimum);
        check.Shortfalls[0].RequiredKrw.ShouldBe(2_000_000_000);
    }

    [Fact]
    public void A_missing_incident_type_and_one_covered_below_the_minimum_are_both_named()
    {
        var types = new List<CoveredIncidentType> { new(InsuredIncidentType.ForgedAccessMedia, 2_000_000_000), new(InsuredIncidentType.TransmissionOrProcessing, 500_000_000) };
        var check = InsuranceCompliance.Check(Institution("commercial-bank"), [Policy(2_000_000_000, types: types)], 0, D(2026, 6, 1));

        check.Shortfalls.Select(s => s.Kind).ShouldBe([InsuranceShortfallKind.IncidentTypeBelowMinimum, InsuranceShortfallKind.IncidentTypeNotCovered]);
        check.Shortfalls[1].Message.ShouldContain("부정 획득 접근매체 이용");
    }

    [Fact]
    public void Cover_not_raised_after_an_added_e_finance_registration_is_flagged()
    {
        var firm = Institution("electronic-finance",
            new ElectronicFinanceRegistration("선불전자지급수단 발행·관리업", D(2020, 3, 1)),
            new ElectronicFinanceRegistration("전자지급결제대행업", D(2026, 5, 1)));
        IReadOnlyCollection<LiabilityPolicyTerms> policies = [Policy(200_000_000, changed: D(2026, 2, 5))];

        InsuranceCompliance.Check(firm, policies, 0, D(2026, 4, 30)).Compliant.ShouldBeTrue();
        var after = InsuranceCompliance.Check(firm, policies, 0, D(2026, 6, 1));
        after.RequiredKrw.ShouldBe(400_000_000);
        after.Shortfalls.Select(s => s.Kind).ShouldContain(InsuranceShortfallKind.RegistrationNotReflected);
        after.Shortfalls.Select(s => s.Kind).ShouldNotContain(InsuranceShortfallKind.LimitBelowMinimum);
    }

    [Fact]
    public void A_reserve_makes_up_the_difference_to_the_minimum()
    {
        var firm = Institution("insurance");

        InsuranceCompliance.Check(firm, [Policy(150_000_000)], 50_000_000, D(2026, 6, 1)).Compliant.ShouldBeTrue();
        InsuranceCompliance.Check(firm, [Policy(150_000_000)], 49_999_999, D(2026, 6, 1)).Compliant.ShouldBeFalse();
    }

    [Fact]
    public void A_lapsed_policy_leaves_no_cover()
    {
        var check = InsuranceCompliance.Check(Institution("insurance"), [Policy(500_000_000)], 0, D(2027, 1, 1));

        check.Shortfalls.ShouldHaveSingleItem().Kind.ShouldBe(InsuranceShortfallKind.NoCover);
    }

    [Theory]
    [InlineData(100_000_000L, "1억원")]
    [InlineData(150_000_000L, "1억 5,000만원")]
    [InlineData(2_000_000_000L, "20억원")]
    public void Amounts_read_in_억_and_만(long krw, string expected) => InsuranceCompliance.Won(krw).ShouldBe(expected);
}
