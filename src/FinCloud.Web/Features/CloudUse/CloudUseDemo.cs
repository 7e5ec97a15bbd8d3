using FinCloud.Core;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

/// <summary>Demo cloud-use data for one institution: a CSP with services, certificates and an FSI result, and cases in several states.</summary>
public static class CloudUseDemo
{
    /// <param name="reportToFss">Submit the approved case's report, so the FSS inbox has one (<c>Demo:Activity</c>).</param>
    public static async Task SeedAsync(IServiceProvider services, Guid organizationId, bool reportToFss, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(organizationId, null, ActorKind.System);
        var today = KoreanTime.Today(db.Clock);

        var provider = (await RegistryApi.RegisterProviderAsync(new RegisterProviderRequest("가상클라우드"), db, ct)).Value!;
        var saas = ((Created<ServiceDto>)(await RegistryApi.RegisterServiceAsync(provider.Id, new RegisterServiceRequest("고객상담 SaaS", ServiceModel.Saas, "kr-central-1", true), db, ct)).Result).Value!;
        var iaas = ((Created<ServiceDto>)(await RegistryApi.RegisterServiceAsync(provider.Id, new RegisterServiceRequest("가상서버", ServiceModel.Iaas, "kr-central-1, kr-central-2", true), db, ct)).Result).Value!;
        await RegistryApi.RecordCertificateAsync(provider.Id, new RecordCertificateRequest(CertificationScheme.Csap, today.AddYears(-3), today.AddDays(45), null), db, ct);
        await RegistryApi.RecordCertificateAsync(provider.Id, new RecordCertificateRequest(CertificationScheme.Iso27001, today.AddYears(-1), today.AddYears(2), null), db, ct);
        await RegistryApi.RecordEvaluationAsync(iaas.Id, new RecordEvaluationRequest(CspEvaluationKind.Fsi, FsiEvaluationResult.Pass, today.AddMonths(-11), today.AddMonths(1)), db, ct);

        async Task<CaseDto> Open(string title, Guid service, bool credit, int signedInDays) =>
            ((Created<CaseDto>)(await CloudUseApi.OpenAsync(service, new OpenCaseRequest(title, new CaseFacts(false, credit, false, null, today.AddDays(signedInDays), today.AddDays(signedInDays + 30))), db, ct)).Result).Value!;

        // In progress: material, nothing done yet.
        await Open("여신 심사 보조 SaaS", saas.Id, credit: true, signedInDays: 40);

        // Non-material: relaxed steps and no FSS report.
        await Open("사내 협업 메신저", saas.Id, credit: false, signedInDays: 20);

        // Approved by the committee, then a later event invalidated nothing yet.
        var approved = await Open("고객 상담 이력 분석", iaas.Id, credit: true, signedInDays: 10);
        var committee = await CommitteeApi.EnsureCommitteeAsync(db, ct);
        await db.SaveChangesAsync(ct);
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Core.Identity.OrganizationRole.Ciso || m.Role == Core.Identity.OrganizationRole.CommitteeMember)
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        foreach (var person in people)
        {
            await CommitteeApi.AppointAsync(person, db, ct);
        }

        var meeting = (await CommitteeApi.ScheduleAsync(new ScheduleMeetingRequest("정기 정보보호위원회", today.AddDays(-30)), db, ct)).Value!;
        var item = ((Created<AgendaItemDto>)(await CommitteeApi.TableCaseAsync(meeting.Id, approved.Case.Id, db, ct)).Result).Value!;
        var members = await db.CommitteeMembers.AsNoTracking().Select(m => m.Id).ToListAsync(ct);
        foreach (var member in members)
        {
            await CommitteeApi.VoteAsync(item.Id, new RecordVoteRequest(member, VoteChoice.For), db, ct);
        }

        await CommitteeApi.ResolveAsync(item.Id, new ResolveRequest("원안 가결", FlaggedMaterial: true), db, ct);

        // Reported: the package (DOCX, PDF, XLSX, JSON) submitted, so the FSS inbox and sector view have a report. The PDF
        // needs a Korean TrueType font (fonts-nanum, which the test script installs); without one the case stays unreported.
        if (reportToFss && FinCloud.Documents.KoreanFonts.Locate(FinCloud.Documents.KoreanFonts.SearchFolders()) is not null)
        {
            var store = scope.ServiceProvider.GetRequiredService<EvidenceStore>();
            var package = ((Created<ReportPackageDto>)(await ReportPackageApi.GenerateAsync(approved.Case.Id, db, store, ct)).Result).Value!;
            await ReportPackageApi.SubmitAsync(approved.Case.Id, package.Id, new SubmitPackageRequest("금융감독원 보고서 제출 시스템"), db, ct);
        }

        // Changed after approval: a new work event needs a new resolution and a new report.
        var changed = await Open("모바일 뱅킹 알림", saas.Id, credit: true, signedInDays: -60);
        var second = ((Created<AgendaItemDto>)(await CommitteeApi.TableCaseAsync(meeting.Id, changed.Case.Id, db, ct)).Result).Value!;
        foreach (var member in members)
        {
            await CommitteeApi.VoteAsync(second.Id, new RecordVoteRequest(member, VoteChoice.For), db, ct);
        }

        await CommitteeApi.ResolveAsync(second.Id, new ResolveRequest("원안 가결", FlaggedMaterial: false), db, ct);
        await CloudUseApi.RecordEventAsync(changed.Case.Id, new RecordEventRequest(CloudUseEventType.NewWork, today.AddDays(-5), "푸시 알림에 대출 안내 추가"), db, ct);
    }
}
