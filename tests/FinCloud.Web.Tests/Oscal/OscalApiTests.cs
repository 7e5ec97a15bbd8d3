using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Oscal;
using FinCloud.Core.Identity;
using FinCloud.Rules.Catalogue;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Features.Oscal;
using FinCloud.Web.Tests.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Oscal;

public sealed class OscalApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string Body)> CallAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bundled_catalogues_are_served_as_valid_oscal_and_an_unknown_id_is_not_found(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, secret) = await app.CreateApiKeyAsync(await app.CreateOrganizationAsync(), OrganizationRole.Auditor);
        using var api = app.ApiClient(secret);
        var listed = await FinCloudApp.ReadAsync<List<OscalCatalogInfo>>(await api.GetAsync("/api/oscal/catalogs", Ct));
        listed.Select(c => c.Id).ShouldBe(OscalCatalogs.BundledIds, ignoreOrder: true);
        foreach (var id in OscalCatalogs.BundledIds)
        {
            var (status, body) = await CallAsync(api.GetAsync($"/api/oscal/catalog?id={id}", Ct));
            status.ShouldBe(HttpStatusCode.OK, id);
            OscalSchemas.Validate(body, OscalModelKind.Catalog).ShouldBeEmpty(id);
        }

        (await CallAsync(api.GetAsync("/api/oscal/catalog?id=csp/1999", Ct))).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_imported_catalog_becomes_one_catalogue_version_and_a_broken_one_stores_nothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, secret) = await app.CreateApiKeyAsync(org, OrganizationRole.Officer);
        using var api = app.ApiClient(secret);
        var exported = OscalJson.Serialize(OscalCatalogs.FromCsp(CspCatalogues.ById("2019"), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));

        var broken = JsonNode.Parse(exported)!;
        broken["catalog"]!["groups"]![3]!["controls"]![2]!["props"]!.AsArray()
            .Single(p => (string?)p!["name"] == "item-class")!["value"] = "mandatory";
        var (refusedStatus, refusedBody) = await CallAsync(api.PostAsync("/api/oscal/catalog-imports", Json(broken.ToJsonString()), Ct));
        refusedStatus.ShouldBe(HttpStatusCode.UnprocessableEntity);
        using (var problem = JsonDocument.Parse(refusedBody))
        {
            problem.RootElement.GetProperty("code").GetString().ShouldBe("not-a-csp-catalogue");
            problem.RootElement.GetProperty("errors")[0].GetProperty("path").GetString().ShouldBe("$.catalog.groups[3].controls[2].props");
        }

        (await app.WithDbAsync(db => db.ImportedCatalogues.CountAsync(), org)).ShouldBe(0);
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.OscalCatalogueRejected), org)).ShouldBe(1);

        var (createdStatus, createdBody) = await CallAsync(api.PostAsync("/api/oscal/catalog-imports", Json(exported), Ct));
        createdStatus.ShouldBe(HttpStatusCode.Created, createdBody);
        var created = JsonSerializer.Deserialize<CatalogueImportDto>(createdBody, FinCloudApp.Json)!;
        created.Catalogue.CatalogueId.ShouldBe("2019");
        created.Catalogue.Items.ShouldBe(141);
        created.StructureDifferences.ShouldBeEmpty();

        var again = await FinCloudApp.ReadAsync<CatalogueImportDto>(await api.PostAsync("/api/oscal/catalog-imports", Json(exported), Ct));
        again.AlreadyImported.ShouldBeTrue();
        again.Catalogue.Id.ShouldBe(created.Catalogue.Id);
        (await app.WithDbAsync(db => db.ImportedCatalogues.CountAsync(), org)).ShouldBe(1);
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.OscalCatalogueImported), org)).ShouldBe(1);

        var (status, body) = await CallAsync(api.GetAsync($"/api/oscal/catalog-imports/{created.Catalogue.Id}", Ct));
        status.ShouldBe(HttpStatusCode.OK);
        OscalSchemas.Validate(body, OscalModelKind.Catalog).ShouldBeEmpty();
        OscalCatalogs.ImportCsp(body).Items.Count.ShouldBe(141);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_cases_csp_evaluation_exports_as_valid_assessment_results_with_certificate_and_own_findings(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.CreateOrganizationAsync();
        var (_, secret) = await app.CreateApiKeyAsync(bank, OrganizationRole.Officer);
        using var api = app.ApiClient(secret);
        var service = await CloudUseSetup.ServiceAsync(app, bank);
        var providerId = await app.WithDbAsync(db => db.CloudServices.Where(s => s.Id == service).Select(s => s.ProviderId).SingleAsync(), bank);
        (await CallAsync(api.PostAsJsonAsync($"/api/cloud-use/csp/providers/{providerId}/certificates",
            new RecordCertificateRequest(CertificationScheme.Csap, new DateOnly(2025, 1, 1), new DateOnly(2028, 12, 31), service), FinCloudApp.Json, Ct))).Status.ShouldBe(HttpStatusCode.Created);
        var c = await CloudUseSetup.OpenAsync(app, bank, service, personalCreditInfo: true);
        var form = await FinCloudApp.ReadAsync<CspEvaluationFormDto>(await api.GetAsync($"/api/cloud-use/cases/{c.Case.Id}/csp-evaluation", Ct));
        var own = form.Items.First(i => i.CoveredByCertificate is null);
        (await CallAsync(api.PutAsJsonAsync($"/api/cloud-use/cases/{c.Case.Id}/csp-evaluation/items",
            new MarkItemRequest(own.Id, ItemOutcome.Met, "계약서 제12조 확인", null, null), FinCloudApp.Json, Ct))).Status.ShouldBe(HttpStatusCode.OK);
        var unmet = form.Items.Where(i => i.CoveredByCertificate is null).Skip(1).First();
        (await CallAsync(api.PutAsJsonAsync($"/api/cloud-use/cases/{c.Case.Id}/csp-evaluation/items",
            new MarkItemRequest(unmet.Id, ItemOutcome.NotMet, "백업 소산 미흡", new DateOnly(2027, 3, 31), null), FinCloudApp.Json, Ct))).Status.ShouldBe(HttpStatusCode.OK);

        var (status, body) = await CallAsync(api.GetAsync($"/api/cloud-use/cases/{c.Case.Id}/oscal/assessment-results", Ct));
        status.ShouldBe(HttpStatusCode.OK);
        OscalSchemas.Validate(body, OscalModelKind.AssessmentResults).ShouldBeEmpty();
        var findings = JsonNode.Parse(body)!["assessment-results"]!["results"]![0]!["findings"]!.AsArray();
        findings.Count.ShouldBe(form.InScope);
        string Basis(JsonNode f) => f["props"]!.AsArray().Single(p => (string?)p!["name"] == "basis")!["value"]!.GetValue<string>();
        findings.Count(f => Basis(f!) == "covered-by-certificate").ShouldBe(form.ExemptedByCertificate);
        form.ExemptedByCertificate.ShouldBeGreaterThan(0);
        var met = findings.Single(f => Basis(f!) == "satisfied")!;
        met["target"]!["target-id"]!.GetValue<string>().ShouldBe(OscalJson.ToToken(own.Id, "item-"));
        findings.Single(f => Basis(f!) == "not-satisfied")!["target"]!["target-id"]!.GetValue<string>().ShouldBe(OscalJson.ToToken(unmet.Id, "item-"));
        findings.Count(f => Basis(f!) == "not-assessed").ShouldBe(form.InScope - form.ExemptedByCertificate - 2);
    }
}
