using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Exchange;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Features.Exchange;
using FinCloud.Web.Features.Supervision;
using FinCloud.Web.Tests.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Exchange;

/// <summary>
/// Two installations, each with its own database and data-protection keys: the bank's and the FSS's. Bundles travel
/// between them only as bytes, as they would on a USB stick or through the FSS's upload form.
/// </summary>
public sealed class ExchangeBundleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Installation(FinCloudApp App, Guid OrganizationId, HttpClient Api) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Api.Dispose();
            await App.DisposeAsync();
        }
    }

    /// <summary>An installation acting for a demo organisation, or (null) for a fresh bank without demo committee data.</summary>
    private static async Task<Installation> StartAsync(string provider, string? organization)
    {
        var app = await FinCloudApp.StartAsync(provider);
        var id = organization is null ? await app.CreateOrganizationAsync() : await app.OrganizationIdAsync(organization);
        var (_, secret) = await app.CreateApiKeyAsync(id, OrganizationRole.Administrator);
        return new Installation(app, id, app.ApiClient(secret));
    }

    private static async Task<Guid> ApprovedPackageAsync(Installation bank)
    {
        var service = await CloudUseSetup.ServiceAsync(bank.App, bank.OrganizationId);
        var c = await CloudUseSetup.OpenAsync(bank.App, bank.OrganizationId, service, personalCreditInfo: true);
        await CloudUseSetup.ApproveAsync(bank.App, bank.OrganizationId, c.Case.Id);
        var store = bank.App.Services.GetRequiredService<EvidenceStore>();
        return await bank.App.WithDbAsync(async db =>
            ((Created<ReportPackageDto>)(await ReportPackageApi.GenerateAsync(c.Case.Id, db, store, CancellationToken.None)).Result).Value!.Id, bank.OrganizationId);
    }

    private static async Task<byte[]> ExportReportAsync(Installation bank, Guid packageId)
    {
        using var response = await bank.Api.PostAsync($"/api/exchange/report-packages/{packageId}/bundle", null, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static async Task<SigningKeyDto> PublicKeyAsync(Installation installation) =>
        await FinCloudApp.ReadAsync<SigningKeyDto>(await installation.Api.GetAsync("/api/exchange/signing-key", Ct));

    private static async Task PinAsync(Installation installation, SigningKeyDto key, string name, OrganizationKind kind)
    {
        using var response = await installation.Api.PostAsJsonAsync("/api/exchange/trusted-issuers", new PinIssuerRequest(key.PublicKeyPem, name, kind), FinCloudApp.Json, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<(HttpStatusCode Status, ImportResultDto Result)> ImportAsync(Installation installation, byte[] bundle)
    {
        using var content = new ByteArrayContent(bundle);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        using var response = await installation.Api.PostAsync("/api/exchange/imports", content, Ct);
        return (response.StatusCode, await FinCloudApp.ReadAsync<ImportResultDto>(response));
    }

    private static Task<(int Bundles, int Submissions, int Requests)> CountsAsync(Installation installation) =>
        installation.App.WithDbAsync(async db => (await db.ImportedBundles.CountAsync(), await db.Submissions.CountAsync(), await db.SupplementationRequests.CountAsync()), installation.OrganizationId);

    /// <summary>Replaces one entry of a ZIP, keeping every other entry's bytes.</summary>
    private static byte[] Rewrite(byte[] zip, string entryName, byte[]? replacement)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var rewritten = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                byte[] content;
                using (var s = entry.Open())
                using (var copy = new MemoryStream())
                {
                    s.CopyTo(copy);
                    content = copy.ToArray();
                }

                if (entry.FullName == entryName)
                {
                    if (replacement is null)
                    {
                        continue;
                    }

                    content = replacement;
                }

                using var target = rewritten.CreateEntry(entry.FullName).Open();
                target.Write(content);
            }
        }

        return output.ToArray();
    }

    private static byte[] Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var s = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_report_bundle_from_the_bank_installation_is_verified_and_lands_in_the_fss_inbox_of_another_installation(string provider)
    {
        await using var bank = await StartAsync(provider, null);
        await using var fss = await StartAsync(provider, "금융감독원");
        var packageId = await ApprovedPackageAsync(bank);
        var bundle = await ExportReportAsync(bank, packageId);

        // Before the FSS pins the bank's key, the bundle is from an unknown issuer.
        var (_, unknown) = await ImportAsync(fss, bundle);
        unknown.Imported.ShouldBeFalse();
        unknown.Reason.ShouldBe("unknown-issuer");

        await PinAsync(fss, await PublicKeyAsync(bank), "한빛은행", OrganizationKind.FinancialInstitution);
        (await CountsAsync(fss)).ShouldBe((0, 0, 0));

        var (status, imported) = await ImportAsync(fss, bundle);
        status.ShouldBe(HttpStatusCode.Created);
        imported.Imported.ShouldBeTrue(imported.Message);
        imported.Kind.ShouldBe(BundleKind.CloudUseReport);

        var inbox = await FinCloudApp.ReadAsync<List<SubmissionDto>>(await fss.Api.GetAsync("/api/supervision/submissions", Ct));
        var received = inbox.ShouldHaveSingleItem();
        received.Institution.ShouldBe("한빛은행");
        received.Sector.ShouldBe(InstitutionSector.Bank);
        received.Channel.ShouldBe(SubmissionChannel.ExchangeBundle);
        received.Status.ShouldBe(SubmissionStatus.Received);
        received.Title.ShouldBe("고객상담 챗봇");
        var bankPackage = await bank.App.WithDbAsync(db => db.ReportPackages.SingleAsync(p => p.Id == packageId), bank.OrganizationId);
        received.PackageSha256.ShouldBe(bankPackage.Sha256);
        received.DueOn.ShouldBe(bankPackage.DueBy);
        bankPackage.State.ShouldBe(Core.CloudUse.ReportPackageState.Submitted);
        bankPackage.Channel.ShouldBe(ExchangeApi.BundleChannel);

        // The documents travel with the report and are the bank's own files, byte for byte.
        var documents = new ZipArchive(new MemoryStream(bundle)).Entries.Select(e => e.FullName).ToList();
        documents.ShouldContain("documents/report.pdf");
        documents.ShouldContain("documents/report.docx");
        documents.ShouldContain("documents/annex.xlsx");

        // The FSS downloads the report as it arrived: the signed bundle, byte for byte.
        using (var download = await fss.Api.GetAsync($"/api/supervision/submissions/{received.Id}/package", Ct))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(bundle);
        }

        // The same bundle a second time is a replay: refused, nothing added.
        var (_, replay) = await ImportAsync(fss, bundle);
        replay.Reason.ShouldBe("replayed");
        (await CountsAsync(fss)).ShouldBe((1, 1, 0));
        var rejections = await fss.App.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.ExchangeBundleRejected), fss.OrganizationId);
        rejections.ShouldBe(2);
        (await fss.App.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), fss.OrganizationId)).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_flipped_byte_a_missing_signature_or_a_wrong_key_is_refused_and_nothing_is_imported(string provider)
    {
        await using var bank = await StartAsync(provider, null);
        await using var fss = await StartAsync(provider, "금융감독원");
        var bundle = await ExportReportAsync(bank, await ApprovedPackageAsync(bank));
        await PinAsync(fss, await PublicKeyAsync(bank), "한빛은행", OrganizationKind.FinancialInstitution);

        // One flipped byte inside payload.json's stored data.
        var name = Encoding.ASCII.GetBytes(ExchangeBundle.PayloadName);
        var at = bundle.AsSpan().IndexOf(name) + name.Length + 8;
        var flipped = (byte[])bundle.Clone();
        flipped[at] ^= 0x01;
        // One flipped byte in the middle of the archive (inside a document).
        var middle = (byte[])bundle.Clone();
        middle[middle.Length / 2] ^= 0x80;
        // A changed payload re-packed with the original manifest and signature.
        var payload = Entry(bundle, ExchangeBundle.PayloadName);
        var edited = Rewrite(bundle, ExchangeBundle.PayloadName, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(payload).Replace("고객상담 챗봇", "고객상담 챗봇 (정정)", StringComparison.Ordinal)));
        // The manifest signed again by a key the FSS never pinned, still naming the bank's key id.
        using var wrongKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = Rewrite(bundle, ExchangeBundle.SignatureName,
            wrongKey.SignData(Entry(bundle, ExchangeBundle.ManifestName), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var unsigned = Rewrite(bundle, ExchangeBundle.SignatureName, null);

        (await ImportAsync(fss, flipped)).Result.Reason.ShouldBe("tampered");
        (await ImportAsync(fss, middle)).Result.Reason.ShouldBe("tampered");
        (await ImportAsync(fss, edited)).Result.Reason.ShouldBe("tampered");
        (await ImportAsync(fss, forged)).Result.Reason.ShouldBe("bad-signature");
        (await ImportAsync(fss, unsigned)).Result.Reason.ShouldBe("unsigned");
        (await ImportAsync(fss, [1, 2, 3])).Result.Reason.ShouldBeOneOf("unreadable", "tampered");
        (await CountsAsync(fss)).ShouldBe((0, 0, 0));

        // The pinned key revoked: the intact bundle is from an unknown issuer.
        var issuer = await fss.App.WithDbAsync(db => db.TrustedIssuers.SingleAsync(), fss.OrganizationId);
        (await fss.Api.DeleteAsync($"/api/exchange/trusted-issuers/{issuer.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ImportAsync(fss, bundle)).Result.Reason.ShouldBe("unknown-issuer");
        (await CountsAsync(fss)).ShouldBe((0, 0, 0));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_supplementation_request_travels_back_to_the_bank_and_names_the_package_it_answers(string provider)
    {
        await using var bank = await StartAsync(provider, null);
        await using var fss = await StartAsync(provider, "금융감독원");
        var packageId = await ApprovedPackageAsync(bank);
        var report = await ExportReportAsync(bank, packageId);
        await PinAsync(fss, await PublicKeyAsync(bank), "한빛은행", OrganizationKind.FinancialInstitution);
        var submissionId = (await ImportAsync(fss, report)).Result.CreatedRecordId!.Value;

        using (var ask = await fss.Api.PostAsJsonAsync($"/api/supervision/submissions/{submissionId}/supplementation",
                   new SupplementationRequestBody("출구전략의 데이터 반환 절차를 보완하십시오.", new DateOnly(2027, 1, 15)), FinCloudApp.Json, Ct))
        {
            ask.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var exported = await fss.Api.PostAsync($"/api/supervision/submissions/{submissionId}/supplementation-bundle", null, Ct);
        exported.StatusCode.ShouldBe(HttpStatusCode.OK);
        var request = await exported.Content.ReadAsByteArrayAsync(Ct);

        // The bank has not pinned the FSS yet; then it has.
        (await ImportAsync(bank, request)).Result.Reason.ShouldBe("unknown-issuer");
        await PinAsync(bank, await PublicKeyAsync(fss), "금융감독원", OrganizationKind.Fss);
        var (status, result) = await ImportAsync(bank, request);
        status.ShouldBe(HttpStatusCode.Created, result.Message);

        var received = await FinCloudApp.ReadAsync<List<ReceivedRequestDto>>(await bank.Api.GetAsync("/api/supervision/requests", Ct));
        var item = received.ShouldHaveSingleItem();
        item.PackageId.ShouldBe(packageId);
        item.Supervisor.ShouldBe("금융감독원");
        item.RespondBy.ShouldBe(new DateOnly(2027, 1, 15));

        var inbox = await FinCloudApp.ReadAsync<SubmissionDetailDto>(await fss.Api.GetAsync($"/api/supervision/submissions/{submissionId}", Ct));
        inbox.Submission.Status.ShouldBe(SubmissionStatus.SupplementationRequested);
        inbox.Messages.ShouldHaveSingleItem().FromSupervisor.ShouldBeTrue();

        // A report bundle is for the FSS only: the bank refuses to import its own kind of bundle from another bank.
        (await ImportAsync(bank, report)).Result.Reason.ShouldBe("unknown-issuer");
    }
}
