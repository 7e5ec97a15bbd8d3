using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Cli.Tests.Admin;

/// <summary><c>fincloud admin release-sso-domain</c>: the operator frees a domain the wrong organisation's SSO named.</summary>
public sealed class ReleaseDomainTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fincloud-cli-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FinCloudDbContext Open(Guid? organization = null) => TestDatabase.Open(_data, organization);

    [Fact]
    public async Task A_domain_is_freed_from_the_organisation_that_named_it_and_the_change_is_audited()
    {
        await using (var migrate = Open())
        {
            await migrate.Database.MigrateAsync(Ct);
        }

        var created = await Fincloud.RunAsync("admin", "create-organization", "--data", _data, "--name-ko", "새벽증권", "--name-en", "Saebyeok Securities",
            "--sector", "securities", "--admin-email", "admin@saebyeok.example", "--admin-name", "박관리", "--base-url", "https://fincloud.example");
        created.ExitCode.ShouldBe(0, created.Stderr);
        var org = JsonDocument.Parse(created.Stdout).RootElement.GetProperty("organizationId").GetGuid();
        await using (var db = Open(org))
        {
            var sso = SingleSignOn.Create(db.Clock.GetUtcNow());
            sso.Update("https://login.example/saebyeok", "fincloud", null, ["saebyeok.example", "hanbit.example"], enabled: true, required: true, db.Clock.GetUtcNow());
            db.SingleSignOns.Add(sso);
            db.Audit(AuditEventType.SingleSignOnChanged, nameof(SingleSignOn), sso.Id, after: sso.Describe());
            await db.SaveChangesAsync(Ct);
        }

        var released = await Fincloud.RunAsync("admin", "release-sso-domain", "--data", _data, "--domain", "Hanbit.Example");
        released.ExitCode.ShouldBe(0, released.Stderr);
        var root = JsonDocument.Parse(released.Stdout).RootElement;
        root.GetProperty("name").GetString().ShouldBe("새벽증권");
        root.GetProperty("released").GetString().ShouldBe("hanbit.example");
        root.GetProperty("remainingDomains").EnumerateArray().Select(d => d.GetString()).ShouldBe(["saebyeok.example"]);
        root.GetProperty("singleSignOn").GetString().ShouldBe("on");

        // The last domain: nothing is left to route to the provider, so SSO (and SSO 필수) goes off.
        (await Fincloud.RunAsync("admin", "release-sso-domain", "--data", _data, "--domain", "saebyeok.example")).ExitCode.ShouldBe(0);
        await using (var db = Open(org))
        {
            var sso = await db.SingleSignOns.SingleAsync(Ct);
            sso.DomainList.ShouldBeEmpty();
            sso.Enabled.ShouldBeFalse();
            sso.Required.ShouldBeFalse();
            var events = await db.AuditEvents.Where(e => e.Type == AuditEventType.SingleSignOnChanged).OrderBy(e => e.Sequence).ToListAsync(Ct);
            events.Count.ShouldBe(3);
            events[1].After!.ShouldEndWith("hanbit.example released by the operator");
            events[1].ActorId.ShouldBeNull("the operator, not a member");
            (await AuditChain.VerifyAsync(db, Ct)).IsIntact.ShouldBeTrue();
        }

        var unknown = await Fincloud.RunAsync("admin", "release-sso-domain", "--data", _data, "--domain", "hanbit.example");
        unknown.ExitCode.ShouldBe(2);
        unknown.Stdout.ShouldBeEmpty();
        JsonDocument.Parse(unknown.Stderr).RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("unknown-domain");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
