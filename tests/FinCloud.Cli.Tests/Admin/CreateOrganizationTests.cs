using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Cli.Tests.Admin;

/// <summary><c>fincloud admin create-organization</c>: an installation's first organisation and its administrator's invitation.</summary>
public sealed class CreateOrganizationTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fincloud-cli-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FinCloudDbContext Open(Guid? organization = null) => TestDatabase.Open(_data, organization);

    private async Task MigrateAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync(Ct);
    }

    /// <summary>Runs the command with a bank's options, <paramref name="options"/> (name, value pairs) added or replacing them.</summary>
    private Task<Fincloud.Result> CreateAsync(params string[] options)
    {
        var values = new Dictionary<string, string>
        {
            ["--data"] = _data, ["--name-ko"] = "한빛은행", ["--name-en"] = "Hanbit Bank", ["--admin-email"] = "IT-Admin@Hanbit.example",
            ["--admin-name"] = "김관리", ["--base-url"] = "https://fincloud.hanbit.example/",
        };
        for (var i = 0; i + 1 < options.Length; i += 2)
        {
            values[options[i]] = options[i + 1];
        }

        return Fincloud.RunAsync(["admin", "create-organization", .. values.SelectMany(v => new[] { v.Key, v.Value })]);
    }

    [Fact]
    public async Task An_institution_is_created_with_an_invitation_for_its_first_administrator()
    {
        await MigrateAsync();
        var result = await CreateAsync("--sector", "savings-bank");
        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("sector").GetString().ShouldBe("SavingsBank");
        root.GetProperty("administrator").GetString().ShouldBe("it-admin@hanbit.example");
        var link = root.GetProperty("invitationLink").GetString()!;
        link.ShouldMatch("^https://fincloud.hanbit.example/account/invitation/[0-9a-f]{64}$");

        var id = root.GetProperty("organizationId").GetGuid();
        await using var db = Open(id);
        var invitation = await db.Invitations.SingleAsync(Ct);
        invitation.Roles.ShouldBe([OrganizationRole.Administrator]);
        invitation.TokenHash.ShouldBe(Invitation.Hash(link[(link.LastIndexOf('/') + 1)..]));
        invitation.StatusAt(TimeProvider.System.GetUtcNow()).ShouldBe(InvitationStatus.Pending);
        (await db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(Ct)).ShouldBe([AuditEventType.OrganizationCreated, AuditEventType.MemberInvited]);
        (await AuditChain.VerifyAsync(db, Ct)).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_supervisor_needs_no_sector_and_a_second_organisation_of_the_same_name_is_refused()
    {
        await MigrateAsync();
        var fss = await Fincloud.RunAsync("admin", "create-organization", "--data", _data, "--kind", "fss", "--name-ko", "금융감독원", "--name-en", "FSS",
            "--admin-email", "admin@fss.example", "--admin-name", "이감독", "--base-url", "http://localhost:5080");
        fss.ExitCode.ShouldBe(0, fss.Stderr);
        JsonDocument.Parse(fss.Stdout).RootElement.GetProperty("kind").GetString().ShouldBe("Fss");

        (await CreateAsync("--sector", "bank")).ExitCode.ShouldBe(0);
        var again = await CreateAsync("--sector", "bank");
        again.ExitCode.ShouldBe(2);
        again.Stdout.ShouldBeEmpty();
        JsonDocument.Parse(again.Stderr).RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("organization-exists");
        await using var db = Open();
        (await db.Organizations.CountAsync(Ct)).ShouldBe(2);
    }

    [Theory]
    [InlineData("invalid-sector", "--sector", "pawnshop")]
    [InlineData("invalid-sector", "--name-en", "Hanbit Bank")]
    [InlineData("invalid-kind", "--kind", "regulator", "--sector", "bank")]
    [InlineData("invalid-email", "--sector", "bank", "--admin-email", "not-an-address")]
    [InlineData("invalid-base-url", "--sector", "bank", "--base-url", "ftp://files.example")]
    public async Task Bad_input_exits_2_with_a_json_error_and_creates_nothing(string code, params string[] extra)
    {
        await MigrateAsync();
        var result = await CreateAsync(extra);
        result.ExitCode.ShouldBe(2, result.Stdout);
        JsonDocument.Parse(result.Stderr).RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe(code);
        await using var db = Open();
        (await db.Organizations.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_database_nothing_is_made()
    {
        var result = await CreateAsync("--sector", "bank");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("no-database");
        File.Exists(Path.Combine(_data, "fincloud.db")).ShouldBeFalse();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
