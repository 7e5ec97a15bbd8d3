using FinCloud.Core.Audit;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.NetworkSeparation;

public sealed class ExemptionLifecycleTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Exemption_cannot_activate_while_one_mandatory_control_is_unmet_and_activates_once_fixed_with_evidence(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = Clock();
        var exemption = await app.AtAsync(clock, org, async db =>
        {
            var (e, error) = await RegisterExemption.HandleAsync(db, SeparationScope.M365(), CancellationToken.None);
            error.ShouldBeNull();
            await SeparationScope.MeetEverythingAsync(db, e!, new DateOnly(2026, 10, 1));
            await AssessControls.AssessAsync(db, e!.Id, "SBX-SEC-INTERNAL-TERMINAL", ControlAssessmentResult.NotMet, "단말 통제 미적용", null, CancellationToken.None);
            return e;
        });

        var refused = await app.AtAsync(clock, org, db => ActivateExemption.HandleAsync(db, exemption.Id, CancellationToken.None));
        refused.ShouldNotBeNull().CanActivate.ShouldBeFalse();
        refused.Blockers.ShouldHaveSingleItem().ControlId.ShouldBe("SBX-SEC-INTERNAL-TERMINAL");
        (await app.AtAsync(clock, org, db => db.SeparationExemptions.SingleAsync(e => e.Id == exemption.Id))).Status.ShouldBe(ExemptionStatus.Draft);

        var activated = await app.AtAsync(clock, org, async db =>
        {
            await AssessControls.AssessAsync(db, exemption.Id, "SBX-SEC-INTERNAL-TERMINAL", ControlAssessmentResult.Met, "NAC 정책 적용 보고서", null, CancellationToken.None);
            return await ActivateExemption.HandleAsync(db, exemption.Id, CancellationToken.None);
        });
        activated.ShouldNotBeNull().CanActivate.ShouldBeTrue();
        var stored = await app.AtAsync(clock, org, db => db.SeparationExemptions.SingleAsync(e => e.Id == exemption.Id));
        stored.Status.ShouldBe(ExemptionStatus.Active);
        stored.ActiveFrom.ShouldBe(new DateOnly(2026, 11, 27));

        var types = await app.AtAsync(clock, org, db => db.AuditEvents.Where(e => e.EntityId == exemption.Id.ToString()).Select(e => e.Type).ToListAsync());
        types.ShouldContain(AuditEventType.ExemptionRegistered);
        types.ShouldContain(AuditEventType.ExemptionActivationRefused);
        types.ShouldContain(AuditEventType.ExemptionActivated);
        (await app.AtAsync(clock, org, db => AuditChain.VerifyAsync(db, CancellationToken.None))).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_saas_without_a_passing_FSI_evaluation_cannot_activate(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = Clock();
        var decision = await app.AtAsync(clock, org, async db =>
        {
            var (e, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365(), CancellationToken.None);
            foreach (var control in e!.Catalogue.Controls)
            {
                await AssessControls.AssessAsync(db, e.Id, control.Id, ControlAssessmentResult.Met, "증빙", null, CancellationToken.None);
            }

            return await ActivateExemption.HandleAsync(db, e.Id, CancellationToken.None);
        });
        decision.ShouldNotBeNull().Blockers.ShouldHaveSingleItem().Kind.ShouldBe(ActivationBlockerKind.SaasEvaluationMissing);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_control_failing_while_active_suspends_the_exemption(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = Clock();
        var status = await app.AtAsync(clock, org, async db =>
        {
            var (e, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365(), CancellationToken.None);
            await SeparationScope.MeetEverythingAsync(db, e!, new DateOnly(2026, 10, 1));
            (await ActivateExemption.HandleAsync(db, e!.Id, CancellationToken.None))!.CanActivate.ShouldBeTrue();
            await AssessControls.AssessAsync(db, e.Id, "SBX-SEC-SAAS-MANAGEMENT", ControlAssessmentResult.NotMet, "계정 관리 미흡", null, CancellationToken.None);
            return (await db.SeparationExemptions.AsNoTracking().SingleAsync(x => x.Id == e.Id)).Status;
        });
        status.ShouldBe(ExemptionStatus.Suspended);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Registration_keeps_the_designations_exclusions_and_adds_the_institutions_own(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var exemption = await app.AtAsync(Clock(), org, async db =>
            (await RegisterExemption.HandleAsync(db, SeparationScope.M365("IFS-20240927-N04", DataCategory.UniqueIdentifier), CancellationToken.None)).Exemption);
        exemption.ShouldNotBeNull();
        exemption.ExcludedData.ShouldBe([DataCategory.UniqueIdentifier, DataCategory.TransactionInformation], ignoreOrder: true);
        exemption.CatalogueVersion.ShouldBe("sandbox-designation/2024-09-27");
        exemption.SharedWithSupervisorAt.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_unknown_designation_is_refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (exemption, error) = await app.AtAsync(Clock(), org, db => RegisterExemption.HandleAsync(db, SeparationScope.M365("IFS-20990101-N99"), CancellationToken.None));
        exemption.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("IFS-20990101-N99");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_extension_must_prolong_the_period_and_is_audited(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = Clock();
        var exemption = await app.AtAsync(clock, org, async db => (await RegisterExemption.HandleAsync(db,
            SeparationScope.M365() with { PeriodStart = new DateOnly(2024, 10, 1), PeriodEnd = new DateOnly(2026, 9, 30) }, CancellationToken.None)).Exemption!);

        (await app.AtAsync(clock, org, db => ExtendExemption.HandleAsync(db, exemption.Id, new DateOnly(2026, 9, 1), "오기", CancellationToken.None))).Refused.ShouldBeTrue();
        var (extended, refused) = await app.AtAsync(clock, org, db => ExtendExemption.HandleAsync(db, exemption.Id, new DateOnly(2028, 9, 30), "지정기간 연장 통지", CancellationToken.None));
        refused.ShouldBeFalse();
        extended.ShouldNotBeNull().EffectiveEnd.ShouldBe(new DateOnly(2028, 9, 30));
        (await app.AtAsync(clock, org, db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.ExemptionExtended && e.EntityId == exemption.Id.ToString()))).ShouldBe(1);
    }
}
