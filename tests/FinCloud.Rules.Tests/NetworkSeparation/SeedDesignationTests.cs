using FinCloud.Rules.NetworkSeparation;

namespace FinCloud.Rules.Tests.NetworkSeparation;

public sealed class SeedDesignationTests
{
    private static readonly SandboxDesignationRelease Release =
        SandboxDesignationLibrary.Releases.Single(r => r.Release.MeetingOn == new DateOnly(2024, 9, 27));

    private static readonly Dictionary<string, DataCategory> ExclusionWords = new(StringComparer.Ordinal)
    {
        ["금융거래정보"] = DataCategory.TransactionInformation,
        ["개인정보"] = DataCategory.PersonalInformation,
        ["신용정보"] = DataCategory.CreditInformation,
        ["거래정보"] = DataCategory.TransactionInformation,
    };

    [Fact]
    public void Every_new_designation_in_the_notes_is_seeded_with_its_firm_template_exclusions_and_markers()
    {
        var rows = DesignationNotesTable.Rows("Id", "Seq").Where(r => r[0].StartsWith("IFS-20240927-N", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(14);
        var seeded = Release.Designations.Where(d => d.Type == DesignationType.New).ToList();
        seeded.Select(d => d.Id).ShouldBe(rows.Select(r => r[0]), ignoreOrder: true);

        foreach (var row in rows)
        {
            var d = seeded.Single(x => x.Id == row[0]);
            d.Seq.ShouldBe(row[1]);
            d.Firm.ShouldBe(row[2]);
            d.FirmType.ShouldNotBeNull();
            d.FirmType.Value.ShouldBe(row[3].Replace("[R]", "", StringComparison.Ordinal).Trim());
            d.FirmType.Reconstructed.ShouldBe(row[3].Contains("[R]", StringComparison.Ordinal), d.Id);
            d.Sector.ShouldNotBeNull();
            System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(d.Sector.Value.ToString()).ShouldBe(DesignationNotesTable.StripCode(row[4].Replace("[R]", "", StringComparison.Ordinal).Trim()));
            d.Sector.Reconstructed.ShouldBe(row[4].Contains("[R]", StringComparison.Ordinal), d.Id);
            d.TemplateId.ShouldBe(row[5]);
            var expectedExclusions = row[6].Split(',').Select(w => ExclusionWords[w.Trim()]).ToList();
            Release.DataExclusionsOf(d).ShouldBe(expectedExclusions, ignoreOrder: true);
            row[7].ShouldBe("신규지정");
            d.ResolvedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(row[8]);
            row[9].ShouldBe("not stated");
            d.Period.ShouldBe(DesignationPeriod.NotStated);
            Release.TemplateOf(d)!.Conditions.ShouldBe(["COND-SCOPE-INITIAL", "COND-EXCLUDE-DATA", "COND-FSI-PASS", "COND-SECURITY-PLAN"]);
            d.SpecialProvisions.ShouldBe(["전자금융감독규정 제15조제1항제3호"]);
        }
    }

    [Fact]
    public void Every_changed_designation_in_the_notes_is_seeded_with_its_history_at_the_stated_precision()
    {
        var rows = DesignationNotesTable.Rows("Id", "Firm").Where(r => r[0].StartsWith("IFS-20240927-C", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(4);
        var seeded = Release.Designations.Where(d => d.Type == DesignationType.Change).ToList();
        seeded.Select(d => d.Id).ShouldBe(rows.Select(r => r[0]), ignoreOrder: true);

        foreach (var row in rows)
        {
            var d = seeded.Single(x => x.Id == row[0]);
            d.Firm.ShouldBe(row[1]);
            var designated = d.History.Single(e => e.Kind == DesignationEventKind.Designated);
            designated.On.ToString().ShouldBe(DesignationNotesTable.DateIn(row[3]));
            var extended = d.History.Single(e => e.Kind == DesignationEventKind.Extended);
            var laterSteps = row[4].StartsWith("Same as", StringComparison.Ordinal)
                ? rows.Single(r => r[0].EndsWith("-" + row[4]["Same as ".Length..].Split(' ')[0], StringComparison.Ordinal))[4]
                : row[4];
            extended.On.ToString().ShouldBe(DesignationNotesTable.DateIn(laterSteps));
            d.History.Any(e => e.Kind == DesignationEventKind.RegulatoryImprovementRequestAccepted)
                .ShouldBe(laterSteps.Contains("규제개선 요청", StringComparison.Ordinal));
            var versions = d.Versions();
            versions[^1].Kind.ShouldBe(DesignationEventKind.Changed);
            versions[^1].EffectiveOn.ShouldBe(PartialDate.Of(new DateOnly(2024, 9, 27)));
            d.Period.Status.ShouldBe(PeriodStatus.NotStated);
        }
    }

    [Fact]
    public void Changed_designations_carry_the_special_provisions_the_notes_list()
    {
        var dunamu = Release.Designations.Single(d => d.Id == "IFS-20240927-C01");
        dunamu.SpecialProvisions.ShouldBe(["자본시장법 제11조", "자본시장법 제42조", "자본시장법 시행령 제47조"]);
        dunamu.ChangeDetailsStated.ShouldBeFalse();
        var lucentblock = Release.Designations.Single(d => d.Id == "IFS-20240927-C03");
        lucentblock.SpecialProvisions.ShouldBe(["자본시장법 제110조제1항", "자본시장법 제373조", "자본시장법 제11조"]);
        lucentblock.Change.ShouldNotBeNull().ShouldContain("선매입");
    }

    [Fact]
    public void Templates_match_the_notes_and_leave_hosting_unstated()
    {
        var table = DesignationNotesTable.Rows("Field").ToDictionary(r => r[0], StringComparer.Ordinal);
        var m365 = Release.Templates.Single(t => t.Id == "TPL-M365");
        var pulse = Release.Templates.Single(t => t.Id == "TPL-PULSE");
        m365.TitleKo.ShouldBe(table["Title in S3"][1]);
        pulse.TitleKo.ShouldBe(table["Title in S3"][2]);
        table["SaaS vendor / country"][1].ShouldBe($"{m365.SaasVendor.Name} / {m365.SaasVendor.Country}");
        table["SaaS vendor / country"][2].ShouldBe("Workvivo / Ireland");
        pulse.SaasVendor.ShouldBe(new SaasVendor("Workvivo", "IE"));
        table["Data exclusion (부가조건)"][1].Trim('*').ShouldBe(m365.DataExclusionWordingKo);
        table["Data exclusion (부가조건)"][2].Trim('*').ShouldBe(pulse.DataExclusionWordingKo);
        table["Hosting CSP, region"][1].ShouldBe("Not stated");
        foreach (var t in Release.Templates)
        {
            t.HostingCsp.ShouldBeNull();
            t.HostingRegion.ShouldBeNull();
            t.SpecialProvisions.ShouldBe([table["Special provision (특례)"][1]]);
            t.SecurityAreas.ShouldBe([SaasSecurityArea.InternalTerminal, SaasSecurityArea.InternalNetworkLink, SaasSecurityArea.SaasManagement, SaasSecurityArea.SaasOperationPolicy]);
            t.SecurityAreasOpenEnded.ShouldBeTrue();
        }
    }

    [Fact]
    public void Condition_codes_match_the_notes()
    {
        var codes = DesignationNotesTable.Rows("Code").Select(r => DesignationNotesTable.StripCode(r[0])).ToList();
        Release.Conditions.Select(c => c.Code).ShouldBe(codes);
    }

    [Fact]
    public void Release_counts_match_the_seeded_records()
    {
        Release.Release.NewCount.ShouldBe(Release.Designations.Count(d => d.Type == DesignationType.New));
        Release.Release.ChangeCount.ShouldBe(Release.Designations.Count(d => d.Type == DesignationType.Change));
        Release.Release.TotalDesignationsToDate.ShouldBe(375);
        Release.Designations.Select(d => d.Id).ShouldBeUnique();
    }

    [Fact]
    public void M365_excludes_only_transaction_information_as_stated()
    {
        var m365 = Release.Templates.Single(t => t.Id == "TPL-M365");
        m365.DataExclusions.ShouldBe([DataCategory.TransactionInformation]);
    }

    [Fact]
    public void A_new_designation_without_a_stated_period_gets_an_assumed_confirm_by_hint_two_years_on()
    {
        var bmw = Release.Designations.Single(d => d.Id == "IFS-20240927-N01");
        bmw.ConfirmPeriodBy().ShouldBe(new DateOnly(2026, 9, 27));
        Release.Designations.Single(d => d.Id == "IFS-20240927-C01").ConfirmPeriodBy().ShouldBeNull();
    }

    [Fact]
    public void Versions_of_a_changed_designation_follow_designation_extension_and_change()
    {
        var dunamu = Release.Designations.Single(d => d.Id == "IFS-20240927-C01");
        dunamu.Versions().Select(v => (v.Number, v.Kind, v.EffectiveOn.ToString())).ShouldBe(
        [
            (1, DesignationEventKind.Designated, "2020-04-01"),
            (2, DesignationEventKind.Extended, "2022-03-30"),
            (3, DesignationEventKind.Changed, "2024-09-27"),
        ]);
    }
}
