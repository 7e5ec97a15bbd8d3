using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.CloudUse;

/// <summary>CSP 자료 요청 by API: the link once, a revocable request, a page that says where a link stands; expiry after 30 days.</summary>
public sealed class CspInquiryTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_link_is_shown_once_stored_as_a_hash_and_can_be_withdrawn(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var caseId = (await CloudUseSetup.OpenAsync(app, org, await CloudUseSetup.ServiceAsync(app, org), personalCreditInfo: true)).Case.Id;
        using var officer = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Officer)).Secret);
        var url = $"/api/cloud-use/cases/{caseId}/csp-inquiries";

        using var sent = await officer.PostAsJsonAsync(url, new SendCspInquiryRequest("테스트클라우드 보안팀"), FinCloudApp.Json, Ct);
        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await FinCloudApp.ReadAsync<SentCspInquiryDto>(sent);
        created.Link.ShouldMatch("^/csp-response/[0-9a-f]{64}$");
        created.Inquiry.Status.ShouldBe(CspInquiryStatus.Open);
        var token = created.Link["/csp-response/".Length..];
        (await app.WithDbAsync(db => db.CspInquiries.Select(i => i.TokenHash).SingleAsync(Ct), org)).ShouldBe(CspInquiry.Hash(token));
        (await officer.GetStringAsync(url, Ct)).ShouldNotContain(token);

        // The CSP's page, anonymous: the questionnaire while open, a plain statement once withdrawn, nothing for a wrong token.
        using var anonymous = app.CreateClient();
        var open = await anonymous.GetStringAsync(created.Link, Ct);
        open.ShouldContain("csp-response-items");
        open.ShouldContain("테스트클라우드");
        (await officer.DeleteAsync($"{url}/{created.Inquiry.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using (var again = await officer.DeleteAsync($"{url}/{created.Inquiry.Id}", Ct))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString().ShouldBe("inquiry-closed");
        }

        var withdrawn = await anonymous.GetStringAsync(created.Link, Ct);
        withdrawn.ShouldContain("요청한 금융회사가 이 링크를 철회했습니다.");
        withdrawn.ShouldNotContain("csp-response-items");
        (await anonymous.GetStringAsync("/csp-response/" + new string('0', 64), Ct)).ShouldContain("알 수 없는 링크입니다.");
        (await officer.GetFromJsonAsync<List<CspInquiryDto>>(url, FinCloudApp.Json, Ct))!.Single().Status.ShouldBe(CspInquiryStatus.Revoked);
        (await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Type == AuditEventType.CspInquirySent || e.Type == AuditEventType.CspInquiryRevoked).CountAsync(Ct), org)).ShouldBe(2);
    }

    [Fact]
    public void A_link_takes_answers_for_thirty_days_and_once()
    {
        var now = new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
        var (inquiry, token) = CspInquiry.Create(Guid.CreateVersion7(), "보안팀", now);
        token.Length.ShouldBe(64);
        inquiry.StatusAt(now + CspInquiry.ValidFor - TimeSpan.FromSeconds(1)).ShouldBe(CspInquiryStatus.Open);
        inquiry.StatusAt(now + CspInquiry.ValidFor).ShouldBe(CspInquiryStatus.Expired);
        inquiry.Answer("김보안", [("ED-1", ItemOutcome.Met, null)], now + CspInquiry.ValidFor).ShouldBeFalse();
        inquiry.Answer("김보안", [("ED-1", ItemOutcome.Met, " 근거 ")], now).ShouldBeTrue();
        inquiry.Answers.Single().Comment.ShouldBe("근거");
        inquiry.Answer("김보안", [("ED-1", ItemOutcome.NotMet, null)], now).ShouldBeFalse();
        inquiry.Revoke(now).ShouldBeFalse();
    }
}
