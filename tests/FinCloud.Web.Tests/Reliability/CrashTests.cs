using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using FinCloud.Cli.Admin;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Reliability;

/// <summary>
/// The app process is killed (SIGKILL) while evidence uploads stream in, committee resolutions are recorded and report
/// packages are generated. After a restart nothing acknowledged is lost, nothing is half-written, the orphan sweep
/// removes the leftovers, and every interrupted action succeeds when retried.
/// </summary>
public sealed class CrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Prepared(string ApiKey, Guid Organization, IReadOnlyList<Guid> ReportCases, IReadOnlyList<Guid> AgendaItems);

    private static async Task<Prepared> PrepareAsync(FinCloudApp app)
    {
        var org = await app.CreateOrganizationAsync();
        var (_, key) = await app.CreateApiKeyAsync(org, OrganizationRole.Officer);
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var reportCases = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true);
            await CloudUseSetup.ApproveAsync(app, org, c.Case.Id);
            reportCases.Add(c.Case.Id);
        }

        var votedCases = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            votedCases.Add((await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true)).Case.Id);
        }

        // Agenda items with a quorum of votes cast, waiting for their resolution.
        var items = await app.WithDbAsync(async db =>
        {
            var committee = await CommitteeApi.EnsureCommitteeAsync(db, CancellationToken.None);
            await db.SaveChangesAsync();
            var members = Enumerable.Range(0, 2).Select(i => CommitteeMember.Appoint(committee.Id, Guid.CreateVersion7(), i == 0, db.Clock.GetUtcNow())).ToList();
            db.CommitteeMembers.AddRange(members);
            await db.SaveChangesAsync();
            var meeting = (await CommitteeApi.ScheduleAsync(new ScheduleMeetingRequest("임시 정보보호위원회", CloudUseSetup.AsOf.AddDays(10)), db, CancellationToken.None)).Value!;
            var ids = new List<Guid>();
            foreach (var caseId in votedCases)
            {
                var item = ((Created<AgendaItemDto>)(await CommitteeApi.TableCaseAsync(meeting.Id, caseId, db, CancellationToken.None)).Result).Value!;
                foreach (var m in members)
                {
                    await CommitteeApi.VoteAsync(item.Id, new RecordVoteRequest(m.Id, VoteChoice.For), db, CancellationToken.None);
                }

                ids.Add(item.Id);
            }

            return ids;
        }, org);
        return new Prepared(key, org, reportCases, items);
    }

    /// <summary>A request body that arrives slowly, like a large upload on a slow link.</summary>
    private sealed class SlowContent(int bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            "%PDF-1.7 "u8.CopyTo(chunk);
            for (var sent = 0; sent < bytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
                await Task.Delay(40);
                chunk[0] = (byte)'%';
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes;
            return true;
        }
    }

    private static MultipartFormDataContent Upload(HttpContent file, string name)
    {
        var form = new MultipartFormDataContent { { new StringContent(name), "label" } };
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name + ".pdf");
        return form;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Killing_the_app_mid_write_loses_nothing_acknowledged_leaves_nothing_half_written_and_retries_work(string provider)
    {
        // The in-process app prepares the data and owns (and finally deletes) the database and folder.
        await using var prep = await FinCloudApp.StartAsync(provider);
        var prepared = await PrepareAsync(prep);
        var (connection, data) = (prep.ConnectionString, prep.DataDirectory);

        var acknowledged = new ConcurrentBag<(string Kind, Guid Id)>();
        var process = await AppProcess.StartAsync(provider, connection, data, Ct);
        using var killed = new CancellationTokenSource();
        using var client = process.Client(prepared.ApiKey);
        var work = new List<Task>();
        foreach (var caseId in prepared.ReportCases)
        {
            // Slow uploads (16 MB over ten seconds and more) are certainly in flight when the process dies.
            work.Add(Attempt(async () =>
            {
                using var form = Upload(new SlowContent(16 * 1024 * 1024), "대용량 증빙");
                var response = await client.PostAsync(new Uri($"/api/cloud-use/cases/{caseId}/evidence", UriKind.Relative), form, killed.Token);
                response.StatusCode.ShouldBe(HttpStatusCode.Created);
                acknowledged.Add(("evidence", (await FinCloudApp.ReadAsync<EvidenceDto>(response)).Id));
            }));
            // Report packages (DOCX, PDF, XLSX, ZIP) one after another until the process dies.
            work.Add(Attempt(async () =>
            {
                while (!killed.IsCancellationRequested)
                {
                    var response = await client.PostAsync(new Uri($"/api/cloud-use/cases/{caseId}/report-packages", UriKind.Relative), null, killed.Token);
                    response.StatusCode.ShouldBe(HttpStatusCode.Created);
                    acknowledged.Add(("package", (await FinCloudApp.ReadAsync<ReportPackageDto>(response)).Id));
                }
            }));
        }

        work.Add(Attempt(async () =>
        {
            // Resolutions start once report packages are being acknowledged, so the kill lands among them too.
            while (!acknowledged.Any(a => a.Kind == "package"))
            {
                await Task.Delay(50, killed.Token);
            }

            foreach (var item in prepared.AgendaItems)
            {
                var response = await client.PostAsJsonAsync(new Uri($"/api/cloud-use/committee/agenda/{item}/resolution", UriKind.Relative), new ResolveRequest("원안 가결", false), FinCloudApp.Json, killed.Token);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                acknowledged.Add(("resolution", item));
                await Task.Delay(150, killed.Token);
            }
        }));

        // Kill once writes of each kind are being acknowledged, at a random moment while the next ones are in flight.
        for (var i = 0; i < 600 && !(acknowledged.Any(a => a.Kind == "package") && acknowledged.Any(a => a.Kind == "resolution")); i++)
        {
            await Task.Delay(100, Ct);
        }

        await Task.Delay(Random.Shared.Next(50, 400), Ct);
        process.Kill();
        await killed.CancelAsync();
        await Task.WhenAll(work);
        await process.DisposeAsync();

        // After the restart: the same database and folder, inspected in-process.
        await using var after = FinCloudApp.Start(FinCloudApp.Describe(provider, connection, data));
        var org = prepared.Organization;
        var evidenceIds = await after.WithDbAsync(db => db.EvidenceFiles.Select(f => f.Id).ToListAsync(Ct), org);
        var packageIds = await after.WithDbAsync(db => db.ReportPackages.Select(p => p.Id).ToListAsync(Ct), org);
        var resolved = await after.WithDbAsync(db => db.AgendaItems.Where(a => a.ResolvedAt != null).Select(a => a.Id).ToListAsync(Ct), org);
        var lost = acknowledged.Where(a => a.Kind switch
        {
            "evidence" => !evidenceIds.Contains(a.Id),
            "package" => !packageIds.Contains(a.Id),
            _ => !resolved.Contains(a.Id),
        }).ToList();
        lost.ShouldBeEmpty("every acknowledged write survives the crash");

        // A resolution is in the audit chain exactly when its agenda item is resolved: all or nothing.
        var resolutionEvents = await after.WithDbAsync(db => db.AuditEvents.Where(e => e.Type == AuditEventType.CommitteeResolved).CountAsync(Ct), org);
        resolutionEvents.ShouldBe(resolved.Count);
        var settings = BackupRestoreTests.SettingsOf(provider, connection, data);
        var verified = await Backup.VerifyAsync(settings, 0, Ct);
        verified.Problems.ShouldBeEmpty("every row's file is complete with its recorded hash");
        verified.AuditChainsIntact.ShouldBeTrue();

        // The sweep (an hour later) removes what the crash left: partial uploads and unreferenced package files.
        await using (var scope = after.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvidenceSweep>().RunAsync(TimeProvider.System.GetUtcNow().AddHours(2), Ct);
        }

        var store = after.Services.GetRequiredService<EvidenceStore>();
        // Every organisation's files: the demo bank has a submitted report package of its own.
        var referenced = (await after.WithDbAsync(db => db.EvidenceFiles.AcrossTenants(AcrossTenantsReason.OperatorVerification).Select(f => f.StorageKey).ToListAsync(Ct), org))
            .Concat(await after.WithDbAsync(db => db.ReportPackages.AcrossTenants(AcrossTenantsReason.OperatorVerification).Select(p => p.StorageKey).ToListAsync(Ct), org)).ToHashSet();
        var onDisk = (Directory.Exists(store.Root) ? Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories) : []).Select(f => Path.GetRelativePath(store.Root, f)).ToList();
        onDisk.Where(f => !referenced.Contains(f)).ShouldBeEmpty("no orphan file after the sweep");

        // Retry: every interrupted action succeeds on the restarted app.
        await using var restarted = await AppProcess.StartAsync(provider, connection, data, Ct);
        using var retry = restarted.Client(prepared.ApiKey);
        foreach (var caseId in prepared.ReportCases)
        {
            using var form = Upload(new ByteArrayContent([.. "%PDF-1.7 retry"u8]), "재시도 증빙");
            (await retry.PostAsync(new Uri($"/api/cloud-use/cases/{caseId}/evidence", UriKind.Relative), form, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await retry.PostAsync(new Uri($"/api/cloud-use/cases/{caseId}/report-packages", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        foreach (var item in prepared.AgendaItems.Where(i => !resolved.Contains(i)))
        {
            var response = await retry.PostAsJsonAsync(new Uri($"/api/cloud-use/committee/agenda/{item}/resolution", UriKind.Relative), new ResolveRequest("원안 가결", false), FinCloudApp.Json, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        }

        (await Backup.VerifyAsync(settings, 0, Ct)).Problems.ShouldBeEmpty();
        acknowledged.Count(a => a.Kind == "package").ShouldBeGreaterThan(0, "the kill came while writes were being acknowledged");
        Figures.Record($"crash ({provider}): acknowledged {acknowledged.Count}, resolved before kill {prepared.AgendaItems.Count(resolved.Contains)}/{prepared.AgendaItems.Count}, packages {packageIds.Count}, evidence {evidenceIds.Count}, lost {lost.Count}");
    }

    /// <summary>Runs one stream of work; a connection broken by the kill ends it (that request was never acknowledged).</summary>
    private static async Task Attempt(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The process died under this request.
        }
    }
}
