using FinCloud.Core.Audit;
using FinCloud.Core.Deadlines;
using FinCloud.Core.Features.Continuity;
using FinCloud.Rules.Continuity;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.Continuity;

public sealed class ContinuityWorkflowTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

    private static readonly DateTimeOffset DrillStart = new(2026, 11, 21, 22, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_core_system_that_misses_its_rto_in_a_drill_raises_a_finding_and_a_remediation_task(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = Clock();
        var r = await ContinuityRecords.CreateForAsync(app, org, clock);

        var (result, error) = await app.InOrgAsync(clock, org, db => Drills.RecordExecutionAsync(db, r.DrillId, new DrillExecutionInput(new DateOnly(2026, 11, 21), "데이터센터 소실 v2", null,
            [new(r.CoreBankingId, DrillStart, DrillStart.AddMinutes(200), true, 3, 5), new(r.LoanSystemId, DrillStart, DrillStart.AddHours(5), true, 4, 1)]), CancellationToken.None));

        error.ShouldBeNull();
        var core = result!.Runs.Single(x => x.AssetId == r.CoreBankingId);
        core.RtoMinutes.ShouldBe(180); // the effective RTO rolled up from 예금 입출금
        core.Met.ShouldBeFalse();
        result.Runs.Single(x => x.AssetId == r.LoanSystemId).Met.ShouldBeTrue(); // 5 h within 대출's 24 h
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Severity.ShouldBe(FindingSeverity.High);
        finding.Text.ShouldContain("계정계");
        var task = result.Tasks.ShouldHaveSingleItem();
        task.DueOn.ShouldBe(new DateOnly(2026, 12, 21));

        var snapshot = await app.InOrgAsync(clock, org, db => ContinuitySnapshot.LoadAsync(db, CancellationToken.None));
        snapshot.CoreResults.Single(c => c.AssetId == r.CoreBankingId).Met.ShouldBe(false);
        snapshot.OpenRemediations.ShouldBe(1);
        snapshot.Coverage.Single(c => c.SystemId == r.CoreBankingId.ToString() && c.Month == 11).Met.ShouldBe(false);

        var deadlines = await app.InOrgAsync(clock, org, db => new ContinuityDeadlines().OpenDeadlinesAsync(db, CancellationToken.None));
        deadlines.ShouldContain(d => d.Key == $"continuity/remediation/{task.Id}" && d.Category == DeadlineCategory.ContinuityDrill);
        deadlines.ShouldNotContain(d => d.Key == "continuity/drill/2026"); // the yearly drill is held

        var types = await app.InOrgAsync(clock, org, db => db.AuditEvents.Select(e => e.Type).ToListAsync());
        types.ShouldContain(AuditEventType.DrillExecutionRecorded);
        types.ShouldContain(AuditEventType.DrillFindingRaised);
        types.ShouldContain(AuditEventType.RemediationTaskOpened);
        (await app.InOrgAsync(clock, org, db => AuditChain.VerifyAsync(db, CancellationToken.None))).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_bia_rolls_rtos_down_the_graph_and_flags_the_slower_vendor(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = Clock();
        var r = await ContinuityRecords.CreateForAsync(app, org, clock);

        var s = await app.InOrgAsync(clock, org, db => ContinuitySnapshot.LoadAsync(db, CancellationToken.None));

        s.Assets.Single(a => a.Asset.Id == r.CoreBankingId).EffectiveRto.ShouldBe(TimeSpan.FromHours(3));
        s.Assets.Single(a => a.Asset.Id == r.LoanSystemId).EffectiveRto.ShouldBe(TimeSpan.FromHours(24));
        var conflict = s.Conflicts.ShouldHaveSingleItem();
        (conflict.Dependant, conflict.Dependency).ShouldBe(("계정계", "휴대폰 본인인증"));
        var vendor = s.ThirdParties.Single();
        vendor.CoreProcessCount.ShouldBe(1);
        vendor.Gaps.ShouldContain("손해배상 조항 없음");
        vendor.Gaps.ShouldContain("핵심업무 의존, 대체 업체 없음");
        s.Processes[0].Process.Code.ShouldBe("DEP-01");
        s.Dr.Findings.ShouldNotContain(f => f.SystemId == r.LoanSystemId.ToString()); // half capacity is fine outside core work
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_outage_is_recorded_with_the_rules_decision_and_its_reports_reach_the_deadline_board(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = Clock();
        var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(9));

        var (shortOne, _) = await app.InOrgAsync(clock, org, db => Incidents.RegisterAsync(db, new IncidentInput("모바일뱅킹 지연", IncidentType.Outage, at, at, at.AddMinutes(12), 5_000, null, [], null, Severity.Low, null), CancellationToken.None));
        var (longOne, _) = await app.InOrgAsync(clock, org, db => Incidents.RegisterAsync(db, new IncidentInput("인터넷뱅킹 장애", IncidentType.Outage, at, at, at.AddMinutes(45), 800_000, null, [], null, Severity.High, "DB 재기동"), CancellationToken.None));

        var views = await app.InOrgAsync(clock, org, db => Incidents.ListAsync(db, CancellationToken.None));
        views.Single(v => v.Incident.Id == shortOne!.Id).Assessment.Reportable.ShouldBeFalse();
        var reportable = views.Single(v => v.Incident.Id == longOne!.Id);
        reportable.Assessment.Reportable.ShouldBeTrue();
        reportable.Assessment.Reasoning.ShouldContain(x => x.Contains("45분 ≥ 기준 30분"));

        var deadlines = await app.InOrgAsync(clock, org, db => new ContinuityDeadlines().OpenDeadlinesAsync(db, CancellationToken.None));
        deadlines.ShouldContain(d => d.Key == $"continuity/incident/{longOne!.Id}/Initial-1" && d.DueOn == new DateOnly(2026, 11, 27));
        deadlines.ShouldNotContain(d => d.Key.StartsWith($"continuity/incident/{shortOne!.Id}", StringComparison.Ordinal));

        (await app.InOrgAsync(clock, org, db => Incidents.SubmitReportAsync(db, longOne!.Id, ReportStage.Initial, 1, "EFARS-1", CancellationToken.None))).Error.ShouldBeNull();
        var after = await app.InOrgAsync(clock, org, db => new ContinuityDeadlines().OpenDeadlinesAsync(db, CancellationToken.None));
        after.ShouldNotContain(d => d.Key == $"continuity/incident/{longOne!.Id}/Initial-1");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_specialised_credit_firm_sees_the_2026_insurance_increase_coming_and_then_falls_short(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 1, 1, 0, 0, TimeSpan.Zero));
        await app.InOrgAsync(clock, org, async db =>
        {
            await ContinuityRegister.SaveProfileAsync(db, ContinuitySnapshot.DefaultProfile(null) with { InsuranceCategory = "specialized-credit", DrCategory = "specialized-credit" }, CancellationToken.None);
            IReadOnlyList<CoveredIncidentType> types = [new(InsuredIncidentType.ForgedAccessMedia, 100_000_000), new(InsuredIncidentType.TransmissionOrProcessing, 100_000_000), new(InsuredIncidentType.FraudulentlyObtainedAccessMedia, 100_000_000)];
            return (await ContinuityRegister.SavePolicyAsync(db, null, new PolicyInput("한빛화재", "P-1", new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30), 100_000_000, 100_000_000, types, new DateOnly(2025, 7, 1)), CancellationToken.None)).Policy;
        });

        var before = await app.InOrgAsync(clock, org, db => ContinuitySnapshot.LoadAsync(db, CancellationToken.None));
        before.Insurance.Compliant.ShouldBeTrue();
        before.InsuranceNextShortfallOn.ShouldBe(new DateOnly(2026, 2, 5));
        (await app.InOrgAsync(clock, org, db => new ContinuityDeadlines().OpenDeadlinesAsync(db, CancellationToken.None)))
            .ShouldContain(d => d.Category == DeadlineCategory.Insurance && d.DueOn == new DateOnly(2026, 2, 4));

        clock.SetUtcNow(new DateTimeOffset(2026, 2, 5, 0, 0, 0, TimeSpan.Zero));
        var after = await app.InOrgAsync(clock, org, db => ContinuitySnapshot.LoadAsync(db, CancellationToken.None));
        after.Insurance.Compliant.ShouldBeFalse();
        after.Insurance.RequiredKrw.ShouldBe(200_000_000);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Another_organisation_sees_none_of_the_register_and_cannot_link_to_it(string provider)
    {
        var app = await apps.GetAsync(provider);
        var orgA = await app.CreateOrganizationAsync();
        var orgB = await app.CreateOrganizationAsync();
        var clock = Clock();
        var a = await ContinuityRecords.CreateForAsync(app, orgA, clock);

        var seen = await app.InOrgAsync(clock, orgB, async db => (
            await db.BusinessProcesses.CountAsync(), await db.ItAssets.CountAsync(), await db.ContinuityDrills.CountAsync(), await db.LinkedThirdPartyServices.CountAsync()));
        seen.ShouldBe((0, 0, 0, 0));

        var (_, error) = await app.InOrgAsync(clock, orgB, db => ContinuityRegister.AddDependencyAsync(db, DependencyNodeKind.Process, a.DepositsId, DependencyNodeKind.Asset, a.CoreBankingId, CancellationToken.None));
        error.ShouldNotBeNull();
        var (drill, _) = await app.InOrgAsync(clock, orgB, db => Drills.RecordExecutionAsync(db, a.DrillId, new DrillExecutionInput(new DateOnly(2026, 11, 21), null, null, []), CancellationToken.None));
        drill.ShouldBeNull();
    }
}

public sealed class EmergencyPlanTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_new_procedure_version_supersedes_the_old_one_and_a_stale_review_comes_due(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

        var (first, second) = await app.InOrgAsync(clock, org, async db =>
        {
            var v1 = await EmergencyPlan.NewVersionAsync(db, DisasterScenario.CspOutage, "클라우드 장애 대응", "1. 보고", new DateOnly(2025, 6, 1), CancellationToken.None);
            var v2 = await EmergencyPlan.NewVersionAsync(db, DisasterScenario.CspOutage, "클라우드 장애 대응", "1. 보고\n2. 예비 리전 전환", new DateOnly(2025, 9, 1), CancellationToken.None);
            return (v1, v2);
        });

        var stored = await app.InOrgAsync(clock, org, db => db.EmergencyProcedures.AsNoTracking().OrderBy(p => p.Version).ToListAsync());
        stored.Select(p => (p.Version, p.IsCurrent)).ShouldBe([(1, false), (2, true)]);
        second.Label.ShouldBe("클라우드 장애 대응 v2");
        stored[1].IsStale(new DateOnly(2026, 11, 27)).ShouldBeTrue(); // last reviewed 2025-09-01
        stored[1].IsStale(new DateOnly(2026, 9, 1)).ShouldBeFalse();

        var deadlines = await app.InOrgAsync(clock, org, db => new ContinuityDeadlines().OpenDeadlinesAsync(db, CancellationToken.None));
        deadlines.ShouldContain(d => d.Key == $"continuity/procedure-review/{second.Id}" && d.DueOn == new DateOnly(2026, 9, 1));
        deadlines.ShouldNotContain(d => d.Key == $"continuity/procedure-review/{first.Id}");

        await app.InOrgAsync(clock, org, db => EmergencyPlan.ReviewAsync(db, second.Id, new DateOnly(2026, 11, 27), CancellationToken.None));
        (await app.InOrgAsync(clock, org, db => new ContinuityDeadlines().OpenDeadlinesAsync(db, CancellationToken.None)))
            .Single(d => d.Key == $"continuity/procedure-review/{second.Id}").DueOn.ShouldBe(new DateOnly(2027, 11, 27));
    }
}
