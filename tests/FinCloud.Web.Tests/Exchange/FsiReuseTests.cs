using System.Net;
using System.Net.Http.Json;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Exchange;
using FinCloud.Core.Features.FsiEvaluations;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Rules;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Features.Exchange;
using FinCloud.Web.Tests.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Exchange;

/// <summary>대표평가: the FSI publishes once, an institution reuses the result in a case, and a superseding result warns the case.</summary>
public sealed class FsiReuseTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<T> OkAsync<T>(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        return await FinCloudApp.ReadAsync<T>(response);
    }

    /// <summary>Plans, records every in-force catalogue item (one unmet with a due date unless <paramref name="allMet"/>) and publishes.</summary>
    private static async Task<PublishedEvaluationDto> PublishAsync(HttpClient fsi, string provider, Guid? supersedes, bool allMet, DateOnly today)
    {
        var planned = await OkAsync<PublishedEvaluationDto>(fsi.PostAsJsonAsync("/api/fsi/evaluations",
            new PlanEvaluationRequest(provider, "상담 SaaS", ServiceModel.Saas, supersedes is null ? FsiEvaluationType.Comprehensive : FsiEvaluationType.Confirmation, supersedes), FinCloudApp.Json, Ct));
        planned.CatalogueId.ShouldBe(FsiResults.CatalogueInForce(today).Id);
        var items = FsiResults.CatalogueInForce(today).Items.Take(3).ToList();
        foreach (var (item, i) in items.Select((x, i) => (x, i)))
        {
            var unmet = !allMet && i == 0;
            await OkAsync<PublishedEvaluationDto>(fsi.PostAsJsonAsync($"/api/fsi/evaluations/{planned.Id}/items",
                new RecordItemRequest(item.Id, unmet ? ItemOutcome.NotMet : ItemOutcome.Met, unmet ? "로그 보관기간 미달" : null, unmet ? today.AddMonths(3) : null), FinCloudApp.Json, Ct));
        }

        return await OkAsync<PublishedEvaluationDto>(fsi.PostAsJsonAsync($"/api/fsi/evaluations/{planned.Id}/publication",
            new PublishRequest(allMet ? FsiVerdict.Suitable : FsiVerdict.Satisfied, today.AddDays(-40), today.AddYears(1)), FinCloudApp.Json, Ct));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_published_result_is_reused_in_a_case_and_superseding_it_warns_the_case(string provider)
    {
        var app = await apps.GetAsync(provider);
        var today = await app.WithDbAsync(db => Task.FromResult(KoreanTime.Today(db.Clock)));
        var fsiOrg = await app.OrganizationIdAsync("금융보안원");
        var bank = await app.CreateOrganizationAsync();
        var (_, fsiKey) = await app.CreateApiKeyAsync(fsiOrg, OrganizationRole.Officer);
        var (_, bankKey) = await app.CreateApiKeyAsync(bank, OrganizationRole.Officer);
        using var fsi = app.ApiClient(fsiKey);
        using var bankApi = app.ApiClient(bankKey);
        var cspName = "공개클라우드 " + Guid.NewGuid().ToString("N")[..6];

        // 적합 with an unmet item is refused; 충족 carries the unmet item with its due date.
        var first = await PublishAsync(fsi, cspName, null, allMet: false, today);
        first.State.ShouldBe(PublicationState.Published);
        first.Verdict.ShouldBe(FsiVerdict.Satisfied);
        first.Items.Count(i => i.Outcome == ItemOutcome.NotMet && i.RemediationDue == today.AddMonths(3)).ShouldBe(1);

        // Every institution sees it; the bank reuses it for its own registry service.
        var results = await OkAsync<List<ReceivedEvaluationDto>>(bankApi.GetAsync("/api/fsi/results", Ct));
        var received = results.Single(r => r.PublicationId == first.Id);
        received.Issuer.ShouldBe("금융보안원");
        received.UnmetItems.ShouldBe(1);
        var service = await CloudUseSetup.ServiceAsync(app, bank);
        await OkAsync<ReceivedEvaluationDto>(bankApi.PostAsJsonAsync($"/api/fsi/results/{received.Id}/reuse", new ReuseRequest(service), FinCloudApp.Json, Ct));

        // The rules engine drops the items the result covers.
        var c = await CloudUseSetup.OpenAsync(app, bank, service, personalCreditInfo: true);
        var form = await OkAsync<CspEvaluationFormDto>(bankApi.GetAsync($"/api/cloud-use/cases/{c.Case.Id}/csp-evaluation", Ct));
        form.FsiResultReused.ShouldBeTrue();
        form.Remaining.ShouldBe(0);
        form.InScope.ShouldBeGreaterThan(0);
        (await OkAsync<List<ReuseWarning>>(bankApi.GetAsync($"/api/fsi/warnings?caseId={c.Case.Id}", Ct))).ShouldBeEmpty();

        // The FSI supersedes it: the case that relied on it is warned; the FSI's own list shows the chain.
        var second = await PublishAsync(fsi, cspName, first.Id, allMet: true, today);
        second.Supersedes.ShouldBe(first.Id);
        var fsiList = await OkAsync<List<PublishedEvaluationDto>>(fsi.GetAsync("/api/fsi/evaluations", Ct));
        fsiList.Single(e => e.Id == first.Id).State.ShouldBe(PublicationState.Superseded);
        fsiList.Single(e => e.Id == first.Id).SupersededBy.ShouldBe(second.Id);

        var warnings = await OkAsync<List<ReuseWarning>>(bankApi.GetAsync($"/api/fsi/warnings?caseId={c.Case.Id}", Ct));
        var warning = warnings.ShouldHaveSingleItem();
        warning.Reason.ShouldBe("superseded");
        warning.CaseId.ShouldBe(c.Case.Id);
        var after = await OkAsync<List<ReceivedEvaluationDto>>(bankApi.GetAsync("/api/fsi/results", Ct));
        after.Single(r => r.PublicationId == first.Id).Superseded.ShouldBeTrue();
        after.Single(r => r.PublicationId == second.Id).Superseded.ShouldBeFalse();

        // A superseded result cannot be reused again.
        using var again = await bankApi.PostAsJsonAsync($"/api/fsi/results/{received.Id}/reuse", new ReuseRequest(service), FinCloudApp.Json, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_fsi_result_travels_to_an_institution_in_another_installation_as_a_signed_bundle(string provider)
    {
        await using var fsiApp = await FinCloudApp.StartAsync(provider);
        await using var bankApp = await FinCloudApp.StartAsync(provider);
        var today = await fsiApp.WithDbAsync(db => Task.FromResult(KoreanTime.Today(db.Clock)));
        var (_, fsiKey) = await fsiApp.CreateApiKeyAsync(await fsiApp.OrganizationIdAsync("금융보안원"), OrganizationRole.Administrator);
        var (_, bankKey) = await bankApp.CreateApiKeyAsync(await bankApp.BankAsync(), OrganizationRole.Administrator);
        using var fsi = fsiApp.ApiClient(fsiKey);
        using var bank = bankApp.ApiClient(bankKey);

        var published = await PublishAsync(fsi, "가나클라우드", null, allMet: true, today);
        using var exported = await fsi.PostAsync($"/api/fsi/evaluations/{published.Id}/bundle", null, Ct);
        exported.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bundle = await exported.Content.ReadAsByteArrayAsync(Ct);

        var fsiPublicKey = await OkAsync<SigningKeyDto>(fsi.GetAsync("/api/exchange/signing-key", Ct));
        await OkAsync<TrustedIssuerDto>(bank.PostAsJsonAsync("/api/exchange/trusted-issuers", new PinIssuerRequest(fsiPublicKey.PublicKeyPem, "금융보안원", OrganizationKind.Fsi), FinCloudApp.Json, Ct));
        using var content = new ByteArrayContent(bundle);
        using var imported = await bank.PostAsync("/api/exchange/imports", content, Ct);
        var result = await FinCloudApp.ReadAsync<ImportResultDto>(imported);
        imported.StatusCode.ShouldBe(HttpStatusCode.Created, result.Message);
        result.Kind.ShouldBe(BundleKind.CspEvaluationResult);

        var results = await OkAsync<List<ReceivedEvaluationDto>>(bank.GetAsync("/api/fsi/results", Ct));
        var received = results.ShouldHaveSingleItem();
        received.PublicationId.ShouldBe(published.Id);
        received.Verdict.ShouldBe(FsiVerdict.Suitable);
        received.ValidUntil.ShouldBe(today.AddYears(1));

        // The same bundle again is a replay: refused, and the institution still holds one result.
        using var again = new ByteArrayContent(bundle);
        (await FinCloudApp.ReadAsync<ImportResultDto>(await bank.PostAsync("/api/exchange/imports", again, Ct))).Reason.ShouldBe("replayed");
        (await bankApp.WithDbAsync(db => db.ReceivedEvaluations.CountAsync(), await bankApp.BankAsync())).ShouldBe(1);
    }
}
