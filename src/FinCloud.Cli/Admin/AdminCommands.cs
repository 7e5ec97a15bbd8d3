using System.CommandLine;
using System.Text.Json;
using FinCloud.Cli.Audit;
using FinCloud.Core.Organizations;

namespace FinCloud.Cli.Admin;

/// <summary>
/// <c>fincloud admin</c>: organisations (create one, free an SSO e-mail domain), and backup and restore of the database
/// and evidence files with a checksummed manifest.
/// </summary>
public static class AdminCommands
{
    /// <summary>A restore that completed but found a missing file, a changed hash or a broken audit chain.</summary>
    public const int VerificationFailedExitCode = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var group = new Command("admin", "운영 관리 (administration: organisations, backup and restore)");
        group.Subcommands.Add(CreateOrganizationCommand());
        group.Subcommands.Add(ReleaseDomainCommand());
        group.Subcommands.Add(BackupCommand());
        group.Subcommands.Add(RestoreCommand());
        return group;
    }

    private static (Option<string?> Db, Option<string?> Connection, Option<string?> Data) DatabaseOptions(Command command)
    {
        var db = new Option<string?>("--db") { Description = "sqlite (default) | postgres; default from Database__Provider" };
        var connection = new Option<string?>("--connection") { Description = "connection string; default from ConnectionStrings__FinCloud, else data/fincloud.db" };
        var data = new Option<string?>("--data") { Description = "data folder (SQLite file, evidence/); default from Data__Directory" };
        command.Options.Add(db);
        command.Options.Add(connection);
        command.Options.Add(data);
        return (db, connection, data);
    }

    private static Command BackupCommand()
    {
        var output = new Option<string>("--out") { Description = "new, empty folder for the backup", Required = true };
        var command = new Command("backup", """
            Writes a consistent copy of the database (SQLite VACUUM INTO, PostgreSQL pg_dump) and the evidence files,
            with manifest.json and SHA256SUMS. Safe while the app runs.

            Examples:
              fincloud admin backup --out /var/backups/fincloud/2026-11-27
              fincloud admin backup --db postgres --connection "Host=127.0.0.1;Username=fincloud;Database=fincloud" --data /srv/fincloud --out backup
            """);
        var (db, connection, data) = DatabaseOptions(command);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var settings = AuditCommands.Settings(parse.GetValue(db), parse.GetValue(connection), parse.GetValue(data));
            var manifest = await Backup.CreateAsync(settings, parse.GetValue(output)!, TimeProvider.System, ct);
            Console.Out.Write(JsonSerializer.Serialize(new
            {
                backup = Path.GetFullPath(parse.GetValue(output)!),
                provider = manifest.Provider,
                files = manifest.Files.Count,
                bytes = manifest.Files.Sum(f => f.Bytes),
                evidenceFiles = manifest.Files.Count(f => f.Path.StartsWith(Backup.EvidenceFolder + "/", StringComparison.Ordinal)),
            }, Json) + "\n");
            return 0;
        });
        return command;
    }

    private static Command RestoreCommand()
    {
        var from = new Option<string>("--from") { Description = "backup folder written by `fincloud admin backup`", Required = true };
        var command = new Command("restore", """
            Checks every file of the backup against its manifest, restores into an EMPTY database and data folder,
            then verifies every evidence file's SHA-256 and every organisation's audit chain.
            Exits 0 when all is intact, 3 when verification found a problem, 2 for bad input (nothing restored).

            Examples:
              fincloud admin restore --from /var/backups/fincloud/2026-11-27 --data /srv/fincloud-restored
            """);
        var (db, connection, data) = DatabaseOptions(command);
        command.Options.Add(from);
        command.SetAction(async (parse, ct) =>
        {
            var settings = AuditCommands.Settings(parse.GetValue(db), parse.GetValue(connection), parse.GetValue(data));
            var report = await Backup.RestoreAsync(settings, parse.GetValue(from)!, ct);
            Console.Out.Write(JsonSerializer.Serialize(new { intact = report.Intact, report.Files, report.EvidenceVerified, report.PackagesVerified, report.Organizations, report.AuditEvents, report.AuditChainsIntact, report.Problems }, Json) + "\n");
            return report.Intact ? 0 : VerificationFailedExitCode;
        });
        return command;
    }

    private static Command CreateOrganizationCommand()
    {
        var nameKo = new Option<string>("--name-ko") { Description = "기관명 (Korean name, shown everywhere)", Required = true };
        var nameEn = new Option<string>("--name-en") { Description = "English name", Required = true };
        var kind = new Option<string>("--kind") { Description = "institution (default) | fsi | fss", DefaultValueFactory = _ => "institution" };
        var sector = new Option<string?>("--sector") { Description = "업권 of an institution: bank | securities | insurance | card | savings-bank | electronic-finance | other" };
        var adminEmail = new Option<string>("--admin-email") { Description = "e-mail address of the first administrator", Required = true };
        var adminName = new Option<string>("--admin-name") { Description = "성명 of the first administrator", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "address people open the app at (App:BaseUrl), for the link", Required = true };
        var command = new Command("create-organization", """
            Creates an organisation and an invitation for its first administrator, and prints the invitation link
            (seven days, one use) for you to hand over; that administrator then invites everyone else in the app
            (관리 → 구성원 초대). Audited in the new organisation's trail. Exit 2 for bad input (nothing created).

            Examples:
              fincloud admin create-organization --name-ko 한빛은행 --name-en "Hanbit Bank" --sector bank \
                --admin-email it-admin@hanbit.example --admin-name 김관리 --base-url https://fincloud.hanbit.example
              fincloud admin create-organization --kind fss --name-ko 금융감독원 --name-en "Financial Supervisory Service" \
                --admin-email admin@fss.example --admin-name 이감독 --base-url https://fincloud.fss.example --db postgres
            """);
        var (db, connection, data) = DatabaseOptions(command);
        foreach (var option in new Option[] { nameKo, nameEn, kind, sector, adminEmail, adminName, baseUrl })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var organization = OrganizationFrom(parse.GetValue(kind)!, parse.GetValue(sector), Text(parse.GetValue(nameKo), "--name-ko"), Text(parse.GetValue(nameEn), "--name-en"), now);
            var email = Text(parse.GetValue(adminEmail), "--admin-email");
            if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            {
                throw new InputErrorException("invalid-email", $"'{email}' is not an e-mail address.", "--admin-email");
            }

            var url = Text(parse.GetValue(baseUrl), "--base-url");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
            {
                throw new InputErrorException("invalid-base-url", $"'{url}' is not an http(s) address.", "--base-url");
            }

            var settings = AuditCommands.Settings(parse.GetValue(db), parse.GetValue(connection), parse.GetValue(data));
            await using var context = AuditCommands.Open(settings, writable: true);
            var created = await Onboarding.CreateAsync(context, organization, email, Text(parse.GetValue(adminName), "--admin-name"), ct)
                ?? throw new InputErrorException("organization-exists", $"An organisation named {organization.NameKo} exists already.", "--name-ko");
            Console.Out.Write(JsonSerializer.Serialize(new
            {
                organizationId = created.Organization.Id,
                name = created.Organization.NameKo,
                kind = created.Organization.Kind.ToString(),
                sector = created.Organization.Sector?.ToString(),
                administrator = created.Invitation.Email,
                invitationExpiresAt = created.Invitation.ExpiresAt,
                invitationLink = Core.Identity.Invitation.Link(url, created.Token),
            }, Json) + "\n");
            return 0;
        });
        return command;
    }

    private static Command ReleaseDomainCommand()
    {
        var domain = new Option<string>("--domain") { Description = "the e-mail domain to free (e.g. hanbit.example)", Required = true };
        var command = new Command("release-sso-domain", """
            Frees an e-mail domain that an organisation's 기관 SSO names, for when the wrong organisation claimed it
            (domains are taken first come): that organisation's SSO no longer covers the domain (and is turned off if
            it names no other), its members keep their accounts and roles, and the rightful organisation can then name
            it under 관리 → 기관 SSO. Audited in the claimant's trail. Exit 2 when no organisation names the domain.

            Example:
              fincloud admin release-sso-domain --domain hanbit.example --db postgres
            """);
        var (db, connection, data) = DatabaseOptions(command);
        command.Options.Add(domain);
        command.SetAction(async (parse, ct) =>
        {
            var name = Text(parse.GetValue(domain), "--domain");
            var settings = AuditCommands.Settings(parse.GetValue(db), parse.GetValue(connection), parse.GetValue(data));
            await using var context = AuditCommands.Open(settings, writable: true);
            var released = await Core.Identity.DomainRelease.ReleaseAsync(context, name, ct)
                ?? throw new InputErrorException("unknown-domain", $"No organisation's SSO names the domain '{name}'.", "--domain");
            Console.Out.Write(JsonSerializer.Serialize(new
            {
                organizationId = released.OrganizationId,
                name = released.OrganizationName,
                released = released.Domain,
                remainingDomains = released.RemainingDomains,
                singleSignOn = released.SingleSignOnOn ? "on" : "off",
            }, Json) + "\n");
            return 0;
        });
        return command;
    }

    private static string Text(string? value, string option) =>
        value?.Trim() is { Length: > 0 and <= 200 } text ? text : throw new InputErrorException("missing-value", $"{option} needs a value of at most 200 characters.", option);

    private static Organization OrganizationFrom(string kind, string? sector, string nameKo, string nameEn, DateTimeOffset now) => kind switch
    {
        "fsi" => Organization.Authority(OrganizationKind.Fsi, nameKo, nameEn, now),
        "fss" => Organization.Authority(OrganizationKind.Fss, nameKo, nameEn, now),
        "institution" => Organization.FinancialInstitution(nameKo, nameEn, SectorFrom(sector), now),
        _ => throw new InputErrorException("invalid-kind", $"Unknown kind '{kind}': institution, fsi or fss.", "--kind"),
    };

    private static InstitutionSector SectorFrom(string? sector) =>
        Enum.GetValues<InstitutionSector>().FirstOrDefault(s => JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()) == sector) is var found && found != 0
            ? found
            : throw new InputErrorException("invalid-sector", $"An institution needs --sector: {string.Join(", ", Enum.GetValues<InstitutionSector>().Select(s => JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString())))}.", "--sector");
}
