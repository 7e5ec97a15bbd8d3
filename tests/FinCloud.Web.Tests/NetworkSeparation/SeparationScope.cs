using FinCloud.Core;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Core.Tenancy;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.NetworkSeparation;

/// <summary>Runs handlers for one organisation on the app's database with a clock the test drives.</summary>
internal static class SeparationScope
{
    public static async Task<T> AtAsync<T>(this FinCloudApp app, TimeProvider clock, Guid organizationId, Func<FinCloudDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<FinCloudDbContext>>();
        var tenant = new TenantContext();
        tenant.Enter(organizationId, null, ActorKind.System);
        await using var db = new FinCloudDbContext(options, tenant, clock);
        return await work(db);
    }

    public static ExemptionRegistration M365(string designationId = "IFS-20240927-N04", params DataCategory[] extraExclusions) =>
        new("Microsoft 365 내부망 이용", SeparationExemptionKind.SandboxDesignation, "협업 (문서·메일·화상회의)", "M365", "Microsoft",
            extraExclusions, designationId, CommitteeResolution: "2026-정보보호위-07", RiskAssessment: "RA-2026-03");

    /// <summary>Every control met with evidence, and a passing FSI evaluation: what activation needs.</summary>
    public static async Task MeetEverythingAsync(FinCloudDbContext db, SeparationExemption exemption, DateOnly evaluatedOn)
    {
        foreach (var control in exemption.Catalogue.Controls)
        {
            var (_, error) = await AssessControls.AssessAsync(db, exemption.Id, control.Id, ControlAssessmentResult.Met, $"evidence/{control.Id}.pdf", null, CancellationToken.None);
            error.ShouldBeNull();
        }

        (await AssessControls.RecordEvaluationAsync(db, exemption.Id, "FSI-SaaS-2026-011", evaluatedOn, FsiEvaluationResult.Pass, CancellationToken.None)).ShouldNotBeNull();
    }
}
