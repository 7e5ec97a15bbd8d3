using System.Text;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Core.Features.Scanning;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Features.Scanning;
using FinCloud.Web.Tests.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Scanning;

/// <summary>Scan jobs in the background: allowed paths, uploads, progress, cancellation, results as evidence, tenants apart.</summary>
public sealed class ScanJobTests
{
    private const string Customers = "id,주민등록번호,memo\n1,900101-1234568,메모\n2,800101-2345672,\"a,b\"\n";

    /// <summary>An app whose allowed paths the test fills in once it knows the organisations' ids.</summary>
    private static async Task<(FinCloudApp App, Dictionary<Guid, IReadOnlyList<string>> Allowed, string Folder)> StartAsync(string provider, long maxUpload = 200L << 20)
    {
        var allowed = new Dictionary<Guid, IReadOnlyList<string>>();
        var folder = Directory.CreateTempSubdirectory("fincloud-scan-job-").FullName;
        var app = await FinCloudApp.StartAsync(provider, services: s => s.AddSingleton(new ScanningSettings
        {
            AllowedPaths = allowed,
            MaxUploadBytes = maxUpload,
            UploadFolder = Path.Combine(folder, "uploads"),
        }));
        return (app, allowed, folder);
    }

    private static async Task<ScanJob> FinishedAsync(FinCloudApp app, Guid organization, Guid jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await app.WithDbAsync(db => db.ScanJobs.AsNoTracking().SingleAsync(j => j.Id == jobId), organization);
            if (job.IsFinished)
            {
                return job;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("the scan job did not finish within a minute");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_scan_of_an_allowed_folder_runs_in_the_background_and_its_result_becomes_evidence(string provider)
    {
        var (app, allowed, folder) = await StartAsync(provider);
        await using var _ = app;
        var bank = await app.BankAsync();
        var data = Path.Combine(folder, "export");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "customers.csv"), Customers, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(data, "memo.txt"), "연락처 010-1234-5678\n", new UTF8Encoding(false));
        File.WriteAllBytes(Path.Combine(data, "broken.zip"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        allowed[bank] = [data];
        var runner = app.Services.GetRequiredService<ScanJobRunner>();

        var (started, error) = await app.WithDbAsync(db => runner.StartPathAsync(db, data, CancellationToken.None), bank);
        error.ShouldBeNull();
        var job = await FinishedAsync(app, bank, started!.Id);

        job.Status.ShouldBe(ScanJobStatus.Completed);
        job.Findings.ShouldBe(3);
        var result = ScanJobs.ResultOf(job).ShouldNotBeNull();
        result.CountsByType.ShouldBe(new Dictionary<string, long> { ["rrn"] = 2, ["phone"] = 1 });
        result.Files.Select(f => (Path.GetFileName(f.Path), f.Findings, f.Error is null)).ShouldBe([("broken.zip", 0L, false), ("customers.csv", 2L, true), ("memo.txt", 1L, true)]);
        result.Samples.Select(s => s.Masked).ShouldContain("900101-1******");
        // Masked samples and hashes only: no raw value in what is stored.
        job.ResultDocument.ShouldNotBeNull().ShouldNotContain("1234568");
        job.ResultDocument.ShouldNotContain("1234-5678");
        job.ResultDocument.ShouldNotContain("01012345678");
        result.Samples.Select(s => s.Masked).ShouldContain("010-****-5678");
        job.ResultSha256.ShouldBe(ScanJobs.Sha256(job.ResultDocument));

        // The result as evidence of a cloud-use case, with the same SHA-256.
        var caseId = (await CloudUseSetup.OpenAsync(app, bank, await CloudUseSetup.ServiceAsync(app, bank), personalCreditInfo: true)).Case.Id;
        var store = app.Services.GetRequiredService<EvidenceStore>();
        var (evidence, attachError) = await app.WithDbAsync(db => ScanJobRunner.AttachToCaseAsync(db, store, job.Id, caseId, CancellationToken.None), bank);
        attachError.ShouldBeNull();
        evidence.ShouldNotBeNull().Sha256.ShouldBe(job.ResultSha256);

        // And as the scan evidence of a 망분리 예외 data set: 고유식별정보 excluded, so the data set is blocked.
        var dataSetId = await app.WithDbAsync(async db =>
        {
            var (exemption, failure) = await RegisterExemption.HandleAsync(db, new ExemptionRegistration(
                "상담 SaaS 예외", SeparationExemptionKind.ResearchNetwork, "모델 개발", "SaaS", "CSP", [DataCategory.UniqueIdentifier]), CancellationToken.None);
            exemption.ShouldNotBeNull(failure);
            return (await DataSets.AddAsync(db, exemption.Id, "고객 추출본", CancellationToken.None))!.Id;
        }, bank);
        var recorded = await app.WithDbAsync(db => ScanJobs.AttachToDataSetAsync(db, job.Id, dataSetId, CancellationToken.None), bank);
        recorded.ShouldNotBeNull().Findings.ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.ExemptionDataSets.SingleAsync(d => d.Id == dataSetId), bank)).Status.ShouldBe(DataSetStatus.Blocked);

        var jobKey = job.Id.ToString();
        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == nameof(ScanJob) && e.EntityId == jobKey).Select(e => e.Type).ToListAsync(), bank);
        events.ShouldBe([AuditEventType.ScanJobQueued, AuditEventType.ScanJobCompleted, AuditEventType.ScanResultAttached, AuditEventType.ScanResultAttached], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Jobs_paths_cases_and_data_sets_stay_within_their_organisation(string provider)
    {
        var (app, allowed, folder) = await StartAsync(provider);
        await using var _ = app;
        var bank = await app.BankAsync();
        var securities = await app.SecuritiesFirmAsync();
        File.WriteAllText(Path.Combine(folder, "memo.txt"), "고객 900101-1234568\n", new UTF8Encoding(false));
        allowed[bank] = [folder];
        var runner = app.Services.GetRequiredService<ScanJobRunner>();

        // Another organisation cannot scan the bank's path.
        var (refused, error) = await app.WithDbAsync(db => runner.StartPathAsync(db, folder, CancellationToken.None), securities);
        refused.ShouldBeNull();
        error.ShouldNotBeNull();

        var (started, _) = await app.WithDbAsync(db => runner.StartPathAsync(db, folder, CancellationToken.None), bank);
        var job = await FinishedAsync(app, bank, started!.Id);
        job.Status.ShouldBe(ScanJobStatus.Completed);

        // Nor see the bank's job, nor attach it to its own case or data set.
        (await app.WithDbAsync(db => db.ScanJobs.CountAsync(j => j.Id == job.Id), securities)).ShouldBe(0);
        var foreignCase = (await CloudUseSetup.OpenAsync(app, securities, await CloudUseSetup.ServiceAsync(app, securities), personalCreditInfo: false)).Case.Id;
        var store = app.Services.GetRequiredService<EvidenceStore>();
        (await app.WithDbAsync(db => ScanJobRunner.AttachToCaseAsync(db, store, job.Id, foreignCase, CancellationToken.None), securities)).Evidence.ShouldBeNull();
        // The bank cannot attach its job to the securities firm's case either.
        (await app.WithDbAsync(db => ScanJobRunner.AttachToCaseAsync(db, store, job.Id, foreignCase, CancellationToken.None), bank)).Evidence.ShouldBeNull();
        (await app.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.CaseId == foreignCase), securities)).ShouldBe(0);

        // The result page: the bank's officer sees it; the securities firm's gets "not found", as for a job that never was.
        using var bankOfficer = app.Browser();
        (await bankOfficer.SignInAsync("officer@hanbit.example", app.DemoPassword)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await bankOfficer.GetAsync(new Uri($"/scans/{job.Id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await bankOfficer.GetAsync(new Uri($"/scans/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        using var otherOfficer = app.Browser();
        (await otherOfficer.SignInAsync("officer@saebyeok.example", app.DemoPassword)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await otherOfficer.GetAsync(new Uri($"/scans/{job.Id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Uploads_are_type_checked_size_limited_and_can_be_cancelled(string provider)
    {
        var (app, _, folder) = await StartAsync(provider, maxUpload: 64L << 20);
        await using var __ = app;
        var bank = await app.BankAsync();
        var runner = app.Services.GetRequiredService<ScanJobRunner>();

        async Task<(ScanJob? Job, string? Error)> Upload(string name, byte[] content) =>
            await app.WithDbAsync(db => runner.StartUploadAsync(db, name, new MemoryStream(content), CancellationToken.None), bank);

        (await Upload("tool.exe", "MZ"u8.ToArray())).Error.ShouldNotBeNull();
        (await Upload("export.zip", Encoding.UTF8.GetBytes("not an archive"))).Error.ShouldNotBeNull();
        (await Upload("memo.txt", [0x41, 0x00, 0x42])).Error.ShouldNotBeNull();
        (await Upload("big.txt", new byte[(64 << 20) + 1])).Error.ShouldNotBeNull();

        var (small, error) = await Upload("customers.csv", Encoding.UTF8.GetBytes(Customers));
        error.ShouldBeNull();
        var done = await FinishedAsync(app, bank, small!.Id);
        done.Status.ShouldBe(ScanJobStatus.Completed);
        done.ContentSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Customers))));
        done.Findings.ShouldBe(2);

        // A large upload, cancelled as soon as it is queued.
        var line = Encoding.UTF8.GetBytes("고객 메모 900101-1234568 연락 바랍니다 오늘 회의 내용 정리\n");
        var large = new byte[60 << 20];
        for (var i = 0; i + line.Length <= large.Length; i += line.Length)
        {
            line.CopyTo(large, i);
        }

        for (var i = large.Length - (large.Length % line.Length); i < large.Length; i++)
        {
            large[i] = (byte)'\n';
        }

        var (big, _) = await Upload("large.txt", large);
        runner.Cancel(big!).ShouldBeTrue();
        (await FinishedAsync(app, bank, big!.Id)).Status.ShouldBe(ScanJobStatus.Cancelled);
        // Uploads are kept only while they are scanned.
        Directory.EnumerateFiles(Path.Combine(folder, "uploads"), "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }
}
