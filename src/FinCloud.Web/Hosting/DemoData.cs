using System.Security.Cryptography;
using System.Text;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Hosting;

/// <summary>
/// Demo organisations and users, created on the first start of an empty database. Passwords are random,
/// printed once and kept in <c>demo-users.txt</c> in the data folder (never in the repository).
/// </summary>
public static class DemoData
{
    public const string PasswordsFileName = "demo-users.txt";

    public sealed record DemoUser(string Email, string DisplayName, string Organization, IReadOnlyList<OrganizationRole> Roles);

    /// <param name="ActivityOnly">Seeded only with <c>Demo:Activity</c>: institutions whose reports make the FSS's views a sector.</param>
    private sealed record DemoOrganization(Func<DateTimeOffset, Organization> Create, IReadOnlyList<DemoUser> Users, bool ActivityOnly = false);

    private static readonly DemoOrganization[] Organizations =
    [
        new(now => Organization.FinancialInstitution("한빛은행", "Hanbit Bank", InstitutionSector.Bank, now),
        [
            new("officer@hanbit.example", "김담당", "한빛은행", [OrganizationRole.Officer]),
            new("ciso@hanbit.example", "이보안", "한빛은행", [OrganizationRole.Ciso, OrganizationRole.CommitteeMember]),
            new("committee@hanbit.example", "박위원", "한빛은행", [OrganizationRole.CommitteeMember]),
            new("auditor@hanbit.example", "최감사", "한빛은행", [OrganizationRole.Auditor]),
            new("admin@hanbit.example", "정관리", "한빛은행", [OrganizationRole.Administrator, OrganizationRole.Officer]),
        ]),
        new(now => Organization.FinancialInstitution("새벽증권", "Saebyeok Securities", InstitutionSector.Securities, now),
        [
            new("officer@saebyeok.example", "강담당", "새벽증권", [OrganizationRole.Officer, OrganizationRole.CommitteeMember]),
            new("admin@saebyeok.example", "윤관리", "새벽증권", [OrganizationRole.Administrator, OrganizationRole.Ciso]),
        ]),
        new(now => Organization.FinancialInstitution("누리생명", "Nuri Life Insurance", InstitutionSector.Insurance, now),
        [
            new("ciso@nurilife.example", "조보안", "누리생명", [OrganizationRole.Ciso, OrganizationRole.CommitteeMember]),
            new("officer@nurilife.example", "문담당", "누리생명", [OrganizationRole.Officer, OrganizationRole.CommitteeMember]),
        ], ActivityOnly: true),
        new(now => Organization.FinancialInstitution("바로페이", "Baro Pay", InstitutionSector.ElectronicFinance, now),
        [
            new("admin@baropay.example", "배관리", "바로페이", [OrganizationRole.Administrator, OrganizationRole.Ciso]),
            new("officer@baropay.example", "유담당", "바로페이", [OrganizationRole.Officer, OrganizationRole.CommitteeMember]),
        ], ActivityOnly: true),
        new(now => Organization.Authority(OrganizationKind.Fsi, "금융보안원", "Financial Security Institute", now),
        [
            new("evaluator@fsi.example", "한평가", "금융보안원", [OrganizationRole.Officer]),
            new("admin@fsi.example", "서관리", "금융보안원", [OrganizationRole.Administrator]),
        ]),
        new(now => Organization.Authority(OrganizationKind.Fss, "금융감독원", "Financial Supervisory Service", now),
        [
            new("supervisor@fss.example", "오감독", "금융감독원", [OrganizationRole.Officer]),
            new("admin@fss.example", "임관리", "금융감독원", [OrganizationRole.Administrator]),
        ]),
    ];

    /// <summary>The demo users a database seeded with or without <c>Demo:Activity</c> holds.</summary>
    public static IEnumerable<DemoUser> Users(bool activity) => Organizations.Where(o => activity || !o.ActivityOnly).SelectMany(o => o.Users);

    /// <summary>Seeds when the database has no organisation; returns the users and passwords it created, if any.</summary>
    public static async Task<IReadOnlyList<(DemoUser User, string Password)>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue("Demo:Seed", true))
        {
            return [];
        }

        await using (var probe = services.CreateAsyncScope())
        {
            if (await probe.ServiceProvider.GetRequiredService<FinCloudDbContext>().Organizations.AnyAsync(ct))
            {
                return [];
            }
        }

        // What users would have done by now (reports submitted to the FSS by four institutions, a finished scan, a
        // research-network exemption with scanned data sets); tests that count inboxes and lists start without it.
        var activity = configuration.GetValue("Demo:Activity", true);
        var fixedPassword = configuration["Demo:Password"];
        var created = new List<(DemoUser, string)>();
        foreach (var demo in Organizations.Where(o => activity || !o.ActivityOnly))
        {
            // One scope per organisation: a scope acts for one tenant only.
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FinCloudUser>>();
            var now = db.Clock.GetUtcNow();
            var organization = demo.Create(now);
            db.Organizations.Add(organization);
            db.Tenant.Enter(organization.Id, null, ActorKind.System);
            db.Audit(AuditEventType.OrganizationCreated, nameof(Organization), organization.Id, after: $"kind={organization.Kind}; sector={organization.Sector}");
            await db.SaveChangesAsync(ct);

            foreach (var person in demo.Users)
            {
                var password = fixedPassword ?? NewPassword();
                var user = new FinCloudUser { Id = Guid.CreateVersion7(now), UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.DisplayName };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
                }

                foreach (var role in person.Roles)
                {
                    var membership = Membership.Grant(user.Id, role, now);
                    db.Memberships.Add(membership);
                    db.Audit(AuditEventType.MemberAdded, nameof(Membership), membership.Id, after: $"role={role}");
                }

                await db.SaveChangesAsync(ct);
                created.Add((person, password));
            }
        }

        var bank = await BankIdAsync(services, ct);
        await Features.CloudUse.CloudUseDemo.SeedAsync(services, bank, activity, ct);
        if (activity)
        {
            await Features.CloudUse.SectorDemo.SeedAsync(services, ct);
            await Features.Exchange.FsiEvaluationDemo.SeedAsync(services, ct);
            await Features.Scanning.ScanningDemo.SeedAsync(services, bank, ct);
            await Features.NetworkSeparation.NetworkSeparationDemo.SeedAsync(services, bank, ct);
        }

        await Features.Continuity.ContinuityDemo.SeedAsync(services, bank, ct);
        await Features.Continuity.JointDrillDemo.SeedAsync(services, ct);
        // Volume for measuring list pages (docs/performance.md); none unless configured.
        await Features.CloudUse.CloudUseVolumeDemo.SeedAsync(services, bank,
            configuration.GetValue("Demo:Volume:Cases", 0), configuration.GetValue("Demo:Volume:EvidencePerCase", 25), ct);
        if (fixedPassword is null)
        {
            var settings = services.GetRequiredService<DatabaseSettings>();
            Directory.CreateDirectory(settings.DataDirectory);
            var file = Path.Combine(settings.DataDirectory, PasswordsFileName);
            var text = new StringBuilder("# FinCloud demo users (generated on first start; this folder is not in the repository)\n");
            foreach (var (user, password) in created)
            {
                text.Append(user.Email).Append('\t').Append(password).Append('\t').Append(user.Organization).Append('\t')
                    .AppendJoin(',', user.Roles).Append('\n');
            }

            await File.WriteAllTextAsync(file, text.ToString(), ct);
        }

        return created;
    }

    private static async Task<Guid> BankIdAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinCloudDbContext>().Organizations.Where(o => o.NameKo == "한빛은행").Select(o => o.Id).SingleAsync(ct);
    }

    /// <summary>Meets the password rules: 16 characters with upper, lower, digit and symbol.</summary>
    private static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#%*-_";
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)], lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)], symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        const string all = upper + lower + digits;
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        return new string(Shuffle(chars));
    }

    private static char[] Shuffle(List<char> chars)
    {
        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return array;
    }
}
