using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Organizations;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.Continuity;

/// <summary>
/// 업권 공동 재해복구 전환훈련 across organisations: the FSS schedules, invited institutions record and submit results
/// from their own drill records, and the FSS sees the sector's outcome; institutions never see each other's results.
/// </summary>
public sealed class JointDrillTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

    private static readonly DateTimeOffset DrillStart = new(2026, 11, 21, 22, 0, 0, TimeSpan.FromHours(9));

    private static async Task<Guid> CreateOrganizationAsync(FinCloudApp app, Func<DateTimeOffset, Organization> create)
    {
        var id = await app.WithDbAsync(async db =>
        {
            var o = create(db.Clock.GetUtcNow());
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
        await app.WithDbAsync(db =>
        {
            db.Audit(AuditEventType.OrganizationCreated, nameof(Organization), id);
            return db.SaveChangesAsync();
        }, id);
        return id;
    }

    private static Task<Guid> SupervisorAsync(FinCloudApp app) =>
        CreateOrganizationAsync(app, now => Organization.Authority(OrganizationKind.Fss, "금융감독원 " + Guid.NewGuid().ToString("N")[..6], "FSS", now));

    private static JointDrillInput Drill(params Guid[] institutions) =>
        new("2026 은행권 공동 전환훈련", "주전산센터 화재로 대외 결제망(금융결제원) 전환", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), new DateOnly(2026, 12, 4),
            "금융결제원, 한국거래소", null, institutions);

    /// <summary>The institution's own drill is recorded: 계정계 (core, RTO 3 h) took 3 h 20 min, 여신 came back within its 24 h.</summary>
    private static async Task<Guid> ExecutedDrillAsync(FinCloudApp app, FakeTimeProvider clock, Guid org)
    {
        var r = await ContinuityRecords.CreateForAsync(app, org, clock);
        var (_, error) = await app.InOrgAsync(clock, org, db => Drills.RecordExecutionAsync(db, r.DrillId, new DrillExecutionInput(new DateOnly(2026, 11, 21), "전산센터 소실 v2", null,
            [new(r.CoreBankingId, DrillStart, DrillStart.AddMinutes(200), true, 3, 5), new(r.LoanSystemId, DrillStart, DrillStart.AddHours(5), true, 4, 1)]), None));
        error.ShouldBeNull();
        return r.DrillId;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_supervisor_sees_who_submitted_who_missed_an_rto_and_who_has_not_reported(string provider)
    {
        var app = await apps.GetAsync(provider);
        var clock = Clock();
        var fss = await SupervisorAsync(app);
        var bankA = await app.CreateOrganizationAsync();
        var bankB = await app.CreateOrganizationAsync();
        var drillA = await ExecutedDrillAsync(app, clock, bankA);

        var (joint, errors) = await app.InOrgAsync(clock, fss, db => JointDrills.ScheduleAsync(db, Drill(bankA, bankB), None));
        errors.ShouldBeEmpty();

        var invitation = (await app.InOrgAsync(clock, bankA, db => JointDrills.InvitationsAsync(db, None))).ShouldHaveSingleItem();
        (invitation.JointDrillId, invitation.Status, invitation.ExternalInstitutions).ShouldBe((joint!.Id, ParticipationStatus.Invited, "금융결제원, 한국거래소"));
        var (recorded, recordErrors) = await app.InOrgAsync(clock, bankA, db => JointDrills.RecordResultAsync(db, invitation.Id, new JointDrillResultInput(true, drillA, "대외망 회선 절체 수동"), None));
        recordErrors.ShouldBeEmpty();
        (recorded!.SystemsInScope, recorded.SystemsSwitched, recorded.SystemsMissedRto, recorded.CoreSystemsMissedRto).ShouldBe((2, 2, 1, 1));
        var core = recorded.Systems.Single(s => s.Core);
        (core.System, core.RtoMinutes, core.AchievedMinutes, core.Met).ShouldBe(("계정계", 180, 200, false));

        // Recorded but not yet submitted: nothing reaches the supervisor.
        var beforeSubmit = await app.InOrgAsync(clock, fss, db => JointDrills.OutcomeAsync(db, joint.Id, None));
        beforeSubmit!.Reported.ShouldBe(0);

        (await app.InOrgAsync(clock, bankA, db => new ContinuityDeadlines().OpenDeadlinesAsync(db, None)))
            .ShouldContain(d => d.Key == $"continuity/joint-drill/{invitation.Id}" && d.DueOn == new DateOnly(2026, 12, 4));
        (await app.InOrgAsync(clock, bankA, db => JointDrills.SubmitAsync(db, invitation.Id, None))).Error.ShouldBeNull();
        (await app.InOrgAsync(clock, bankA, db => new ContinuityDeadlines().OpenDeadlinesAsync(db, None)))
            .ShouldNotContain(d => d.Key == $"continuity/joint-drill/{invitation.Id}");
        var outcome = await app.InOrgAsync(clock, fss, db => JointDrills.OutcomeAsync(db, joint.Id, None));

        (outcome!.Invited, outcome.Reported, outcome.NotReported, outcome.MissedRto).ShouldBe((2, 1, 1, 1));
        var a = outcome.Institutions.Single(i => i.OrganizationId == bankA);
        a.Result!.Issues.ShouldBe("대외망 회선 절체 수동");
        a.Result.Systems.ShouldContain(s => s.System == "계정계" && !s.Met);
        a.Late.ShouldBeFalse();
        outcome.Institutions.Single(i => i.OrganizationId == bankB).Reported.ShouldBeFalse();

        var summary = (await app.InOrgAsync(clock, fss, db => JointDrills.SupervisorListAsync(db, None))).ShouldHaveSingleItem();
        (summary.Invited, summary.Reported, summary.MissedRto).ShouldBe((2, 1, 1));

        // Every state change is in the chain of the organisation that made it.
        var fssEvents = await app.InOrgAsync(clock, fss, db => db.AuditEvents.Select(e => e.Type).ToListAsync());
        fssEvents.ShouldContain(AuditEventType.JointDrillScheduled);
        fssEvents.ShouldContain(AuditEventType.JointDrillResultReceived);
        fssEvents.ShouldContain(AuditEventType.SharedRecordRead);
        var bankEvents = await app.InOrgAsync(clock, bankA, db => db.AuditEvents.Select(e => e.Type).ToListAsync());
        bankEvents.ShouldContain(AuditEventType.JointDrillInvitationReceived);
        bankEvents.ShouldContain(AuditEventType.JointDrillResultRecorded);
        bankEvents.ShouldContain(AuditEventType.JointDrillResultSubmitted);
        (await app.InOrgAsync(clock, fss, db => AuditChain.VerifyAsync(db, None))).IsIntact.ShouldBeTrue();
        (await app.InOrgAsync(clock, bankA, db => AuditChain.VerifyAsync(db, None))).IsIntact.ShouldBeTrue();

        // A submitted result is closed; closing the drill is audited.
        (await app.InOrgAsync(clock, bankA, db => JointDrills.RecordResultAsync(db, invitation.Id, new JointDrillResultInput(false, null, null), None))).Errors.ShouldContainKey("status");
        (await app.InOrgAsync(clock, fss, db => JointDrills.CloseAsync(db, joint.Id, None)))!.Status.ShouldBe(JointDrillStatus.Closed);
        (await app.InOrgAsync(clock, fss, db => db.AuditEvents.Select(e => e.Type).ToListAsync())).ShouldContain(AuditEventType.JointDrillClosed);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Institutions_never_see_each_others_results_nor_drills_they_are_not_invited_to(string provider)
    {
        var app = await apps.GetAsync(provider);
        var clock = Clock();
        var fss = await SupervisorAsync(app);
        var bankA = await app.CreateOrganizationAsync();
        var bankB = await app.CreateOrganizationAsync();
        var outsider = await app.CreateOrganizationAsync();
        var drillA = await ExecutedDrillAsync(app, clock, bankA);
        var (joint, _) = await app.InOrgAsync(clock, fss, db => JointDrills.ScheduleAsync(db, Drill(bankA, bankB), None));
        var invitationA = (await app.InOrgAsync(clock, bankA, db => JointDrills.InvitationsAsync(db, None))).Single();
        await app.InOrgAsync(clock, bankA, db => JointDrills.RecordResultAsync(db, invitationA.Id, new JointDrillResultInput(true, drillA, null), None));
        await app.InOrgAsync(clock, bankA, db => JointDrills.SubmitAsync(db, invitationA.Id, None));
        await app.InOrgAsync(clock, fss, db => JointDrills.ReceiveResultsAsync(db, None));

        // B sees its own invitation only, and none of A's participation nor the supervisor's copies.
        var invitationB = (await app.InOrgAsync(clock, bankB, db => JointDrills.InvitationsAsync(db, None))).ShouldHaveSingleItem();
        invitationB.Status.ShouldBe(ParticipationStatus.Invited);
        (await app.InOrgAsync(clock, bankB, db => db.JointDrillParticipations.CountAsync())).ShouldBe(1);
        (await app.InOrgAsync(clock, bankB, db => db.JointDrillResults.CountAsync())).ShouldBe(0);
        (await app.InOrgAsync(clock, bankB, db => db.JointDrills.CountAsync())).ShouldBe(0);
        (await app.InOrgAsync(clock, bankB, db => JointDrills.OutcomeAsync(db, joint!.Id, None))).ShouldBeNull();
        (await app.InOrgAsync(clock, bankB, db => JointDrills.RecordResultAsync(db, invitationA.Id, new JointDrillResultInput(false, null, null), None))).Participation.ShouldBeNull();
        (await app.InOrgAsync(clock, bankB, db => JointDrills.SubmitAsync(db, invitationA.Id, None))).Participation.ShouldBeNull();
        // B cannot pass A's drill record off as its own result.
        (await app.InOrgAsync(clock, bankB, db => JointDrills.RecordResultAsync(db, invitationB.Id, new JointDrillResultInput(true, drillA, null), None))).Errors.ShouldContainKey("drillId");

        // An institution that was not invited receives nothing; a drill an institution schedules itself reaches no one.
        (await app.InOrgAsync(clock, outsider, db => JointDrills.InvitationsAsync(db, None))).ShouldBeEmpty();
        var (own, _) = await app.InOrgAsync(clock, outsider, db => JointDrills.ScheduleAsync(db, Drill(bankB), None));
        own.ShouldNotBeNull();
        (await app.InOrgAsync(clock, bankB, db => JointDrills.InvitationsAsync(db, None))).ShouldNotContain(p => p.JointDrillId == own.Id);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_drill_scheduled_for_a_sector_invites_its_institutions_and_no_others(string provider)
    {
        var app = await apps.GetAsync(provider);
        var clock = Clock();
        var fss = await SupervisorAsync(app);
        var bank = await app.CreateOrganizationAsync();
        var card = await CreateOrganizationAsync(app, now => Organization.FinancialInstitution("테스트카드 " + Guid.NewGuid().ToString("N")[..6], "Test Card", InstitutionSector.Card, now));

        var (joint, errors) = await app.InOrgAsync(clock, fss, db => JointDrills.ScheduleAsync(db, Drill() with { Sector = InstitutionSector.Card }, None));

        errors.ShouldBeEmpty();
        joint!.InvitedOrganizationIds.ShouldContain(card);
        joint.InvitedOrganizationIds.ShouldNotContain(bank);
        joint.InvitedOrganizationIds.ShouldNotContain(fss);
        (await app.InOrgAsync(clock, card, db => JointDrills.InvitationsAsync(db, None))).ShouldContain(p => p.JointDrillId == joint.Id);
        (await app.InOrgAsync(clock, bank, db => JointDrills.InvitationsAsync(db, None))).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Scheduling_names_each_wrong_field(string provider)
    {
        var app = await apps.GetAsync(provider);
        var clock = Clock();
        var fss = await SupervisorAsync(app);

        var (joint, errors) = await app.InOrgAsync(clock, fss, db => JointDrills.ScheduleAsync(db,
            Drill() with { Title = " ", WindowTo = new DateOnly(2026, 11, 1), ReportBy = new DateOnly(2026, 10, 1) }, None));

        joint.ShouldBeNull();
        errors.Keys.ShouldBe(["title", "windowTo", "reportBy", "institutionIds"], ignoreOrder: true);
        (await app.InOrgAsync(clock, fss, db => db.JointDrills.CountAsync())).ShouldBe(0);
    }
}
