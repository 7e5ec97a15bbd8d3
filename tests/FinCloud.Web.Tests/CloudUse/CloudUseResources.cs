using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.CloudUse;

/// <summary>One record of every kind the cloud-use routes name, all in one organisation, for cross-tenant probes.</summary>
public static class CloudUseResources
{
    public static async Task<Dictionary<string, Guid>> OfAsync(FinCloudApp app, Guid organizationId)
    {
        var service = await CloudUseSetup.ServiceAsync(app, organizationId);
        var c = await CloudUseSetup.OpenAsync(app, organizationId, service, personalCreditInfo: true);
        var store = app.Services.GetRequiredService<EvidenceStore>();
        await CloudUseSetup.ApproveAsync(app, organizationId, c.Case.Id);
        var package = await app.WithDbAsync(async db =>
            ((Created<ReportPackageDto>)(await ReportPackageApi.GenerateAsync(c.Case.Id, db, store, CancellationToken.None)).Result).Value!, organizationId);
        return await app.WithDbAsync(async db =>
        {
            var evidence = await EvidenceApi.UploadAsync(db, store, c.Case.Id, null, "증빙", "a.pdf", new MemoryStream("%PDF-1.4 b"u8.ToArray()), CancellationToken.None);
            var meeting = (await CommitteeApi.ScheduleAsync(new ScheduleMeetingRequest("회의", CloudUseSetup.AsOf), db, CancellationToken.None)).Value!;
            var item = ((Created<AgendaItemDto>)(await CommitteeApi.TableCaseAsync(meeting.Id, c.Case.Id, db, CancellationToken.None)).Result).Value!;
            var provider = await db.CloudServices.Where(s => s.Id == service).Select(s => s.ProviderId).SingleAsync();
            // A person of this organisation only: a user id from another organisation must not be appointable.
            var user = new Core.Identity.FinCloudUser { Id = Guid.CreateVersion7(), UserName = $"u{Guid.NewGuid():N}@example.test", DisplayName = "위원" };
            db.Users.Add(user);
            db.Memberships.Add(Core.Identity.Membership.Grant(user.Id, Core.Identity.OrganizationRole.CommitteeMember, db.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            var (inquiry, _) = Core.CloudUse.CspInquiry.Create(c.Case.Id, "CSP 보안팀", db.Clock.GetUtcNow());
            db.CspInquiries.Add(inquiry);
            await db.SaveChangesAsync();
            return new Dictionary<string, Guid>
            {
                ["providerId"] = provider,
                ["serviceId"] = service,
                ["caseId"] = c.Case.Id,
                ["taskId"] = c.Tasks[0].Id,
                ["evidenceId"] = evidence.Value!.Id,
                ["inquiryId"] = inquiry.Id,
                ["meetingId"] = meeting.Id,
                ["agendaItemId"] = item.Id,
                ["userId"] = user.Id,
                ["packageId"] = package.Id,
            };
        }, organizationId);
    }
}
