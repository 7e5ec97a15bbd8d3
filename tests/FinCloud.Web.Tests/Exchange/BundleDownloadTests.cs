using System.Net;
using System.Text.RegularExpressions;
using FinCloud.Core.Features.Exchange;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Features.Exchange;
using FinCloud.Web.Tests.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Exchange;

/// <summary>The case page's button: the signed exchange bundle of a report package, downloaded by a signed-in officer.</summary>
public sealed partial class BundleDownloadTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task The_case_page_downloads_the_report_package_as_a_bundle_signed_by_the_institution()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        var bank = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, bank);
        var c = await CloudUseSetup.OpenAsync(app, bank, service, personalCreditInfo: true);
        await CloudUseSetup.ApproveAsync(app, bank, c.Case.Id);
        var store = app.Services.GetRequiredService<EvidenceStore>();
        var package = await app.WithDbAsync(async db =>
            ((Created<ReportPackageDto>)(await ReportPackageApi.GenerateAsync(c.Case.Id, db, store, CancellationToken.None)).Result).Value!, bank);

        using var browser = await app.SignedInMemberAsync(bank, OrganizationRole.Officer);
        var html = await browser.GetStringAsync(new Uri($"/cloud-use/cases/{c.Case.Id}", UriKind.Relative), Ct);
        html.ShouldContain("data-testid=\"download-bundle\"");
        html.ShouldContain($"exchange/files/report-packages/{package.Id}/bundle");

        var path = new Uri($"/exchange/files/report-packages/{package.Id}/bundle", UriKind.Relative);
        using (var withoutToken = await browser.PostAsync(path, new FormUrlEncodedContent([]), Ct))
        {
            withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the download records a submission: anti-forgery applies");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value });
        using var response = await browser.PostAsync(path, form, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        var zip = await response.Content.ReadAsByteArrayAsync(Ct);

        var (_, adminKey) = await app.CreateApiKeyAsync(bank, OrganizationRole.Administrator);
        using var api = app.ApiClient(adminKey);
        var key = await FinCloudApp.ReadAsync<SigningKeyDto>(await api.GetAsync("/api/exchange/signing-key", Ct));
        var check = ExchangeBundle.Verify(zip, [ExchangeBundle.TrustedKeyFromPem(key.PublicKeyPem, "기관")]);
        check.IsValid.ShouldBeTrue(check.Message);
        check.Manifest!.Kind.ShouldBe(BundleKind.CloudUseReport);
    }
}
