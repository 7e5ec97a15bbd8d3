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
    /// <param name="activity">
    /// <c>Demo:Activity</c>: the approved case's report submitted (so the FSS inbox has one), the CSP's answers to an
    /// information request and dated, reviewed evidence on the case in progress.
    /// </param>
    public static async Task SeedAsync(IServiceProvider services, Guid organizationId, bool activity, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(organizationId, null, ActorKind.System);
        var today = KoreanTime.Today(db.Clock);

        var provider = (await RegistryApi.TryRegisterProviderAsync("가상클라우드", db, ct))!;
        var saas = ((Created<ServiceDto>)(await RegistryApi.RegisterServiceAsync(provider.Id, new RegisterServiceRequest("고객상담 SaaS", ServiceModel.Saas, "kr-central-1", true), db, ct)).Result).Value!;
        var iaas = ((Created<ServiceDto>)(await RegistryApi.RegisterServiceAsync(provider.Id, new RegisterServiceRequest("가상서버", ServiceModel.Iaas, "kr-central-1, kr-central-2", true), db, ct)).Result).Value!;
        await RegistryApi.RecordCertificateAsync(provider.Id, new RecordCertificateRequest(CertificationScheme.Csap, today.AddYears(-3), today.AddDays(45), null), db, ct);
        await RegistryApi.RecordCertificateAsync(provider.Id, new RecordCertificateRequest(CertificationScheme.Iso27001, today.AddYears(-1), today.AddYears(2), null), db, ct);
        await RegistryApi.RecordEvaluationAsync(iaas.Id, new RecordEvaluationRequest(CspEvaluationKind.Fsi, FsiEvaluationResult.Pass, today.AddMonths(-11), today.AddMonths(1)), db, ct);

        async Task<CaseDto> Open(string title, Guid service, bool credit, int signedInDays) =>
            ((Created<CaseDto>)(await CloudUseApi.OpenAsync(service, new OpenCaseRequest(title, new CaseFacts(false, credit, false, null, today.AddDays(signedInDays), today.AddDays(signedInDays + 30))), db, ct)).Result).Value!;

        // In progress: material; with activity, the CSP has answered the information request and evidence is coming in.
        var lending = await Open("여신 심사 보조 SaaS", saas.Id, credit: true, signedInDays: 40);
        if (activity)
        {
            await InquiryAnsweredAsync(db, lending.Case.Id, ct);
            await DatedEvidenceAsync(db, scope.ServiceProvider.GetRequiredService<EvidenceStore>(), lending.Case.Id, today, ct);
        }

        // Non-material: relaxed steps and no FSS report.
        await Open("사내 협업 메신저", saas.Id, credit: false, signedInDays: 20);

        // Approved by the committee, then a later event invalidated nothing yet.
        var approved = await Open("고객 상담 이력 분석", iaas.Id, credit: true, signedInDays: 10);
        var (meeting, members) = await MeetingAsync(db, "정기 정보보호위원회", today.AddDays(-30), ct);
        await ApproveAsync(db, meeting, approved.Case.Id, members, flaggedMaterial: true, ct);

        // Reported: the package (DOCX, PDF, XLSX, JSON) submitted, so the FSS inbox and sector view have a report.
        if (activity)
        {
            await ReportAsync(scope.ServiceProvider, db, approved.Case.Id, ct);
        }

        // Changed after approval: a new work event needs a new resolution and a new report.
        var changed = await Open("모바일 뱅킹 알림", saas.Id, credit: true, signedInDays: -60);
        await ApproveAsync(db, meeting, changed.Case.Id, members, flaggedMaterial: false, ct);
        await CloudUseApi.RecordEventAsync(changed.Case.Id, new RecordEventRequest(CloudUseEventType.NewWork, today.AddDays(-5), "푸시 알림에 대출 안내 추가"), db, ct);
    }

    /// <summary>가상클라우드 answered the link: every remaining item met but the first, which it says is planned.</summary>
    private static async Task InquiryAnsweredAsync(FinCloudDbContext db, Guid caseId, CancellationToken ct)
    {
        var sent = ((Created<SentCspInquiryDto>)(await CspInquiryApi.SendAsync(caseId, new SendCspInquiryRequest("가상클라우드 보안인증팀"), db, ct)).Result).Value!;
        var questionnaire = (await CspInquiryApi.OpenAsync(db, sent.Link[CspInquiryApi.PublicPath.Length..], ct))!;
        var answers = questionnaire.Items.Select((item, n) => (item.Id, n == 0
                ? ((ItemOutcome?)ItemOutcome.NotMet, (string?)"고객상담 SaaS의 재해복구 리전 이중화는 다음 분기 적용 예정입니다.")
                : (ItemOutcome.Met, "CSAP 인증 범위 내 통제로 운영 중입니다.")))
            .ToDictionary(x => x.Id, x => x.Item2);
        await CspInquiryApi.AnswerAsync(db, questionnaire, "김보안 (가상클라우드 CISO)", answers, ct);
    }

    /// <summary>A yearly penetration test near its end (on the deadline board) and a contract draft sent back for rework.</summary>
    private static async Task DatedEvidenceAsync(FinCloudDbContext db, EvidenceStore store, Guid caseId, DateOnly today, CancellationToken ct)
    {
        using (var pentest = new MemoryStream("%PDF-1.7\n% 모의해킹 결과 보고서 (데모)\n"u8.ToArray()))
        {
            await EvidenceApi.UploadAsync(db, store, caseId, null, "모의해킹 결과 보고서", "pentest.pdf", pentest, ct, today.AddYears(-1).AddDays(20), today.AddDays(20));
        }

        using var contract = new MemoryStream("%PDF-1.7\n% 클라우드 이용계약서 초안 (데모)\n"u8.ToArray());
        var draft = await EvidenceApi.UploadAsync(db, store, caseId, null, "클라우드 이용계약서", "contract-draft.pdf", contract, ct);
        await EvidenceApi.ReviewAsync(caseId, draft.Value!.Id, new ReviewEvidenceRequest(EvidenceReview.NeedsRework, "계약 해지 시 데이터 반환·파기 조항이 빠졌습니다."), db, ct);
    }

    /// <summary>
    /// A meeting of the institution's 정보보호위원회, its CISO and committee members appointed first (the committee is
    /// made on first use); returns the meeting and the members.
    /// </summary>
    internal static async Task<(Guid Meeting, List<Guid> Members)> MeetingAsync(FinCloudDbContext db, string title, DateOnly on, CancellationToken ct)
    {
        await CommitteeApi.EnsureCommitteeAsync(db, ct);
        await db.SaveChangesAsync(ct);
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Core.Identity.OrganizationRole.Ciso || m.Role == Core.Identity.OrganizationRole.CommitteeMember)
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        foreach (var person in people)
        {
            await CommitteeApi.AppointAsync(person, db, ct);
        }

        var meeting = (await CommitteeApi.ScheduleAsync(new ScheduleMeetingRequest(title, on), db, ct)).Value!;
        return (meeting.Id, await db.CommitteeMembers.AsNoTracking().Select(m => m.Id).ToListAsync(ct));
    }

    /// <summary>Tables the case at the meeting; every member votes for it and the item is resolved as tabled.</summary>
    internal static async Task ApproveAsync(FinCloudDbContext db, Guid meeting, Guid caseId, List<Guid> members, bool flaggedMaterial, CancellationToken ct)
    {
        var item = ((Created<AgendaItemDto>)(await CommitteeApi.TableCaseAsync(meeting, caseId, db, ct)).Result).Value!;
        foreach (var member in members)
        {
            await CommitteeApi.VoteAsync(item.Id, new RecordVoteRequest(member, VoteChoice.For), db, ct);
        }

        if ((await CommitteeApi.ResolveAsync(item.Id, new ResolveRequest("원안 가결", flaggedMaterial), db, ct)).Result is not Ok<ResolutionDto>)
        {
            throw new InvalidOperationException($"The demo case {caseId} was not resolved (the committee needs {members.Count} members to reach its quorum).");
        }
    }

    /// <summary>
    /// Generates the case's report package and submits it to the FSS. The PDF needs a Korean TrueType font
    /// (fonts-nanum, which the test script installs); without one the case stays unreported and this returns false.
    /// </summary>
    internal static async Task<bool> ReportAsync(IServiceProvider scoped, FinCloudDbContext db, Guid caseId, CancellationToken ct)
    {
        if (FinCloud.Documents.KoreanFonts.Locate(FinCloud.Documents.KoreanFonts.SearchFolders()) is null)
        {
            return false;
        }

        var store = scoped.GetRequiredService<EvidenceStore>();
        var generated = (await ReportPackageApi.GenerateAsync(caseId, db, store, ct)).Result;
        var package = (generated as Created<ReportPackageDto>)?.Value
            ?? throw new InvalidOperationException($"The demo case {caseId} could not be reported: {(generated as Conflict<string>)?.Value}");
        await ReportPackageApi.SubmitAsync(caseId, package.Id, new SubmitPackageRequest("금융감독원 보고서 제출 시스템"), db, ct);
        return true;
    }
}
