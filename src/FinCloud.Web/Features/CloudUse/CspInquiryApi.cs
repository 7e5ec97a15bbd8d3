using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Tenancy;
using FinCloud.Rules.Catalogue;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

/// <param name="Recipient">Who at the CSP receives the link (a team or a role), for the institution's own list.</param>
public sealed record SendCspInquiryRequest([property: Required, StringLength(200, MinimumLength = 2)] string Recipient);

public sealed record CspInquiryAnswerDto(string ItemId, ItemOutcome Outcome, string? Comment);

public sealed record CspInquiryDto(
    Guid Id, string Recipient, CspInquiryStatus Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, string? AnsweredBy,
    IReadOnlyList<CspInquiryAnswerDto> Answers)
{
    public static CspInquiryDto From(CspInquiry i, DateTimeOffset now) =>
        new(i.Id, i.Recipient, i.StatusAt(now), i.CreatedAt, i.ExpiresAt, i.AnsweredAt, i.AnsweredBy,
            [.. i.Answers.OrderBy(a => a.ItemId, StringComparer.Ordinal).Select(a => new CspInquiryAnswerDto(a.ItemId, a.Outcome, a.Comment))]);
}

/// <summary>The link appears only here: it is the CSP's credential, and only its hash is stored.</summary>
public sealed record SentCspInquiryDto(CspInquiryDto Inquiry, string Link);

/// <summary>What the CSP sees behind its link: whose request, for which service, and the items to answer.</summary>
public sealed record CspQuestionnaire(CspInquiry Inquiry, string Institution, string Service, IReadOnlyList<CspEvaluationItem> Items);

/// <summary>
/// CSP 자료 요청: the institution sends the CSP a secret link (valid 30 days, one submission); the CSP answers the
/// case's remaining evaluation items on <c>/csp-response/{token}</c> without an account; the institution reads the
/// answers beside its own marks. The page and the API call the same handlers.
/// </summary>
public static class CspInquiryApi
{
    public const string PublicPath = "/csp-response/";

    public static RouteGroupBuilder MapCspInquiryEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("cases/{caseId:guid}/csp-inquiries", ListAsync);
        group.MapPost("cases/{caseId:guid}/csp-inquiries", SendAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SendCspInquiryRequest("가상클라우드 보안인증팀"))
            .WithDescription("Creates a link the CSP answers the case's remaining evaluation items through, without an account; the link is in this response only.");
        group.MapDelete("cases/{caseId:guid}/csp-inquiries/{inquiryId:guid}", RevokeAsync).RequireAuthorization(Policies.Editor);
        return group;
    }

    public static async Task<Results<Ok<List<CspInquiryDto>>, NotFound>> ListAsync(Guid caseId, FinCloudDbContext db, CancellationToken ct)
    {
        if (!await db.CloudUseCases.AnyAsync(c => c.Id == caseId, ct))
        {
            return TypedResults.NotFound();
        }

        var now = db.Clock.GetUtcNow();
        var inquiries = await db.CspInquiries.AsNoTracking().Include(i => i.Answers).Where(i => i.CaseId == caseId).ToListAsync(ct);
        return TypedResults.Ok(inquiries.OrderBy(i => i.CreatedAt).Select(i => CspInquiryDto.From(i, now)).ToList());
    }

    public static async Task<Results<Created<SentCspInquiryDto>, NotFound, Conflict<string>>> SendAsync(
        Guid caseId, SendCspInquiryRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = await CloudUseApi.LoadAsync(db, caseId, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }

        if ((await CaseDecisions.ScopeAsync(db, c, ct)).Remaining.Count == 0)
        {
            return TypedResults.Conflict("nothing-to-ask");
        }

        var now = db.Clock.GetUtcNow();
        var (inquiry, token) = CspInquiry.Create(caseId, request.Recipient, now);
        db.CspInquiries.Add(inquiry);
        db.Audit(AuditEventType.CspInquirySent, nameof(CspInquiry), inquiry.Id, after: $"case={caseId}; expires={inquiry.ExpiresAt:O}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cloud-use/cases/{caseId}/csp-inquiries", new SentCspInquiryDto(CspInquiryDto.From(inquiry, now), PublicPath + token));
    }

    public static async Task<Results<NoContent, NotFound, Conflict<string>>> RevokeAsync(Guid caseId, Guid inquiryId, FinCloudDbContext db, CancellationToken ct)
    {
        var inquiry = await db.CspInquiries.SingleOrDefaultAsync(i => i.Id == inquiryId && i.CaseId == caseId, ct);
        if (inquiry is null)
        {
            return TypedResults.NotFound();
        }

        if (!inquiry.Revoke(db.Clock.GetUtcNow()))
        {
            return TypedResults.Conflict("inquiry-closed");
        }

        db.Audit(AuditEventType.CspInquiryRevoked, nameof(CspInquiry), inquiry.Id, "open", "revoked");
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The questionnaire behind a link, whatever its state; null for an unknown token. Enters the institution's scope.</summary>
    public static async Task<CspQuestionnaire?> OpenAsync(FinCloudDbContext db, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length != 64 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var hash = CspInquiry.Hash(token);
        var inquiry = await db.CspInquiries.AcrossTenants(AcrossTenantsReason.CspInquiryToken).SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (inquiry is null)
        {
            return null;
        }

        db.Tenant.Enter(inquiry.OrganizationId, null, ActorKind.System);
        var c = await CloudUseApi.LoadAsync(db, inquiry.CaseId, ct);
        if (c is null)
        {
            return null;
        }

        var institution = await db.Organizations.Where(o => o.Id == inquiry.OrganizationId).Select(o => o.NameKo).SingleAsync(ct);
        var service = await db.CloudServices.Where(s => s.Id == c.ServiceId)
            .Join(db.CloudProviders, s => s.ProviderId, p => p.Id, (s, p) => p.Name + " " + s.Name).SingleAsync(ct);
        return new CspQuestionnaire(inquiry, institution, service, (await CaseDecisions.ScopeAsync(db, c, ct)).Remaining);
    }

    /// <summary>Records the CSP's answers: every item answered, a name given. Null when saved, otherwise what is missing (Korean).</summary>
    public static async Task<string?> AnswerAsync(
        FinCloudDbContext db, CspQuestionnaire questionnaire, string? answeredBy, IReadOnlyDictionary<string, (ItemOutcome? Outcome, string? Comment)> answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        if (string.IsNullOrWhiteSpace(answeredBy) || answeredBy.Trim().Length > 200)
        {
            return "답변자의 이름과 직책을 적으세요 (200자 이내).";
        }

        var missing = questionnaire.Items.Where(i => answers.GetValueOrDefault(i.Id).Outcome is null).Select(i => i.Id).ToList();
        if (missing.Count > 0)
        {
            return $"답하지 않은 항목이 있습니다: {string.Join(", ", missing)}";
        }

        if (answers.Values.Any(a => a.Comment?.Length > CspInquiry.MaxCommentLength))
        {
            return $"설명은 항목마다 {CspInquiry.MaxCommentLength}자 이내로 적으세요.";
        }

        var now = db.Clock.GetUtcNow();
        var given = questionnaire.Items.Select(i => (i.Id, answers[i.Id].Outcome!.Value, answers[i.Id].Comment)).ToList();
        if (!questionnaire.Inquiry.Answer(answeredBy, given, now))
        {
            return "이 링크로는 더 이상 답변할 수 없습니다.";
        }

        db.Audit(AuditEventType.CspInquiryAnswered, nameof(CspInquiry), questionnaire.Inquiry.Id,
            after: $"items={given.Count}; not-met={given.Count(g => g.Item2 == ItemOutcome.NotMet)}");
        await db.SaveChangesAsync(ct);
        return null;
    }
}
