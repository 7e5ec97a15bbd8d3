using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.Deadlines;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace FinCloud.Web.Tests.Account;

/// <summary>
/// 구성원 관리: an administrator invites by e-mail, the person sets a password through the link and has the roles;
/// roles change, members leave, an organisation always keeps an administrator; a member changes their password.
/// </summary>
public sealed partial class MemberManagementTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Password = "Aa1!" + Guid.NewGuid().ToString("N");

    [GeneratedRegex("data-testid=\"invitation-link\">([^<]+)</code>")]
    private static partial Regex InvitationLinkPattern();

    /// <summary>A pending invitation of <paramref name="organizationId"/> (test data for the route-parameter tests).</summary>
    public static Task<Guid> InvitationAsync(FinCloudApp app, Guid organizationId) =>
        app.WithDbAsync(async db =>
        {
            var (invitation, _) = Invitation.Create($"invited-{Guid.NewGuid():N}@member.example", "초대 대상", [OrganizationRole.Officer], null, db.Clock.GetUtcNow());
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return invitation.Id;
        }, organizationId);

    private static async Task<HttpClient> SignedInAsync(FinCloudApp app, string email, string? password = null)
    {
        var client = app.Browser();
        (await client.SignInAsync(email, password ?? Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync(Ct);

    private static Task<int> EventsAsync(FinCloudApp app, Guid org, AuditEventType type) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == type), org);

    private static Task<List<OrganizationRole>> RolesAsync(FinCloudApp app, Guid org, string email) =>
        app.WithDbAsync(db => db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.Role })
            .Where(x => x.Email == email).Select(x => x.Role).OrderBy(r => r).ToListAsync(), org);

    private static Task<HttpResponseMessage> InviteAsync(HttpClient admin, string email, string name, params OrganizationRole[] roles)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Invite.Email", email), new("Invite.DisplayName", name) };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("roles", r.ToString())));
        return admin.PostFormPairsAsync("/admin", "invite-member", fields);
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string link, string name, string password, string? confirm = null) =>
        client.PostFormAsync(link, "accept-invitation", new()
        {
            ["Input.DisplayName"] = name, ["Input.Password"] = password, ["Input.Confirm"] = confirm ?? password,
        });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_invited_person_sets_a_password_through_the_link_and_has_the_roles(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, adminEmail) = await app.CreateMemberAsync(org, OrganizationRole.Administrator, Password, "관리 담당");
        using var admin = await SignedInAsync(app, adminEmail);
        var email = $"new-{Guid.NewGuid():N}@member.example";

        var refused = await BodyAsync(await InviteAsync(admin, "not-an-address", "", []));
        refused.ShouldContain("올바른 이메일 주소를 입력하세요.");
        refused.ShouldContain("성명을 100자 이내로 입력하세요.");
        refused.ShouldContain("역할을 하나 이상 고르세요.");
        refused.ShouldContain("value=\"not-an-address\"", customMessage: "what was typed stays");

        var invited = await BodyAsync(await InviteAsync(admin, email.ToUpperInvariant(), "신입 담당", OrganizationRole.Officer, OrganizationRole.CommitteeMember));
        var link = WebUtility.HtmlDecode(InvitationLinkPattern().Match(invited).Groups[1].Value);
        link.ShouldMatch("/account/invitation/[0-9a-f]{64}$");
        invited.ShouldContain("대기 중");
        var mail = app.Services.GetRequiredService<IMailSender>().ShouldBeOfType<FileDropMailSender>();
        var sent = Directory.GetFiles(mail.Directory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.ToString() == email).ToList();
        (sent.ShouldHaveSingleItem().TextBody ?? "").ShouldContain(link);
        (await BodyAsync(await InviteAsync(admin, email, "신입 담당", OrganizationRole.Officer))).ShouldContain("이 주소로 보낸 초대가 아직 유효합니다.");

        var path = new Uri(link).PathAndQuery;
        (await admin.GetStringAsync(new Uri(path, UriKind.Relative), Ct)).ShouldContain("지금 이 브라우저는 관리 담당님으로 로그인되어 있습니다.");
        using var person = app.Browser();
        var page = await person.GetStringAsync(new Uri(path, UriKind.Relative), Ct);
        page.ShouldContain(email);
        page.ShouldNotContain("data-testid=\"signed-in-as\"");
        page.ShouldContain("value=\"신입 담당\"");
        var weak = await BodyAsync(await AcceptAsync(person, path, "신입 담당자", "short"));
        weak.ShouldContain("비밀번호는 12자 이상이어야 합니다.");
        weak.ShouldContain("value=\"신입 담당자\"", customMessage: "the name stays, the password does not");
        (await BodyAsync(await AcceptAsync(person, path, "신입 담당자", Password, Password + "x"))).ShouldContain("두 비밀번호가 다릅니다.");
        (await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).ShouldBe(0, "nothing is made by a refused form");

        (await AcceptAsync(person, path, "신입 담당자", Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await person.GetStringAsync(new Uri("/", UriKind.Relative), Ct)).ShouldContain("신입 담당자님, 환영합니다");
        (await RolesAsync(app, org, email)).ShouldBe([OrganizationRole.Officer, OrganizationRole.CommitteeMember]);
        (await EventsAsync(app, org, AuditEventType.MemberInvited)).ShouldBe(1);
        (await EventsAsync(app, org, AuditEventType.InvitationAccepted)).ShouldBe(1);
        (await EventsAsync(app, org, AuditEventType.MemberAdded)).ShouldBe(2);
        (await app.WithDbAsync(db => FinCloud.Core.Audit.AuditChain.VerifyAsync(db, CancellationToken.None), org)).IsIntact.ShouldBeTrue();

        using var again = app.Browser();
        (await again.GetStringAsync(new Uri(path, UriKind.Relative), Ct)).ShouldContain("이미 사용한 초대입니다.");
        (await again.GetStringAsync(new Uri("/account/invitation/" + new string('0', 64), UriKind.Relative), Ct)).ShouldContain("이 초대 링크는 유효하지 않습니다.");
        (await admin.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct)).ShouldContain("가입 완료");
        var invitationId = await app.WithDbAsync(db => db.Invitations.Select(i => i.Id).SingleAsync(), org);
        (await admin.PostFormPairsAsync("/admin", "resend-invitation-" + invitationId, [])).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "an accepted invitation offers no resend");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Invitations_through_the_api_are_checked_can_be_withdrawn_and_never_reveal_other_accounts(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, memberEmail) = await app.CreateMemberAsync(org, OrganizationRole.Officer, Password);
        var (_, secret) = await app.CreateApiKeyAsync(org);
        using var api = app.ApiClient(secret);
        var uri = new Uri("/api/organization/invitations", UriKind.Relative);

        var bad = await api.PostAsJsonAsync(uri, new { email = "x", displayName = "", roles = Array.Empty<string>() }, FinCloudApp.Json, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var fields = (await FinCloudApp.ReadAsync<JsonElement>(bad)).GetProperty("errors").EnumerateObject().Select(p => p.Name.ToUpperInvariant()).ToList();
        fields.ShouldBe(["EMAIL", "DISPLAYNAME", "ROLES"], ignoreOrder: true);
        var member = await api.PostAsJsonAsync(uri, new { email = memberEmail, displayName = "중복", roles = new[] { "officer" } }, FinCloudApp.Json, Ct);
        (await BodyAsync(member)).ShouldContain("이미 이 기관의 구성원입니다.");

        // An address with an account elsewhere: the administrator learns nothing; the link says so to its owner only.
        var elsewhere = await api.PostAsJsonAsync(uri, new { email = "officer@hanbit.example", displayName = "다른 기관", roles = new[] { "auditor" } }, FinCloudApp.Json, Ct);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await FinCloudApp.ReadAsync<JsonElement>(elsewhere);
        var path = new Uri(created.GetProperty("link").GetString()!).PathAndQuery;
        using var owner = app.Browser();
        var refused = await BodyAsync(await AcceptAsync(owner, path, "다른 기관", Password));
        refused.ShouldContain("이 이메일 주소에는 이미 계정이 있습니다.");
        (await RolesAsync(app, org, "officer@hanbit.example")).ShouldBeEmpty();

        var listed = await FinCloudApp.ReadAsync<JsonElement>(await api.GetAsync(uri, Ct));
        listed.EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("pending");
        var id = created.GetProperty("invitation").GetProperty("id").GetGuid();
        (await api.DeleteAsync(new Uri($"/api/organization/invitations/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.DeleteAsync(new Uri($"/api/organization/invitations/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await owner.GetStringAsync(new Uri(path, UriKind.Relative), Ct)).ShouldContain("관리자가 취소한 초대입니다.");
        (await EventsAsync(app, org, AuditEventType.InvitationRevoked)).ShouldBe(1);

        // Sent again: a new link for the same person and roles; the old one stays dead.
        var again = await api.PostAsync(new Uri($"/api/organization/invitations/{id}/resend", UriKind.Relative), null, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        var resent = await FinCloudApp.ReadAsync<JsonElement>(again);
        resent.GetProperty("link").GetString().ShouldNotBe(created.GetProperty("link").GetString());
        resent.GetProperty("invitation").GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["auditor"]);
        (await owner.GetStringAsync(new Uri(path, UriKind.Relative), Ct)).ShouldContain("관리자가 취소한 초대입니다.");
        var statuses = (await FinCloudApp.ReadAsync<JsonElement>(await api.GetAsync(uri, Ct))).EnumerateArray().Select(i => i.GetProperty("status").GetString()).ToList();
        statuses.ShouldBe(["pending", "revoked"]);
    }

    [Fact]
    public void An_invitation_works_for_seven_days_and_once()
    {
        var now = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        var (invitation, token) = Invitation.Create(" Someone@Bank.Example ", "누구", [OrganizationRole.Auditor, OrganizationRole.Officer, OrganizationRole.Officer], null, now);
        invitation.Email.ShouldBe("someone@bank.example");
        invitation.Roles.ShouldBe([OrganizationRole.Officer, OrganizationRole.Auditor]);
        invitation.TokenHash.ShouldBe(Invitation.Hash(token));
        invitation.TokenHash.ShouldNotContain(token);
        invitation.StatusAt(now.AddDays(7).AddSeconds(-1)).ShouldBe(InvitationStatus.Pending);
        invitation.StatusAt(now.AddDays(7)).ShouldBe(InvitationStatus.Expired);
        invitation.Accept(Guid.NewGuid(), now.AddDays(7)).ShouldBeFalse();
        invitation.Accept(Guid.NewGuid(), now.AddDays(1)).ShouldBeTrue();
        invitation.Accept(Guid.NewGuid(), now.AddDays(1)).ShouldBeFalse();
        invitation.Revoke(now.AddDays(2)).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Roles_change_members_leave_and_an_organisation_always_keeps_an_administrator(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (adminId, adminEmail) = await app.CreateMemberAsync(org, OrganizationRole.Administrator, Password, "관리 담당");
        var (officerId, officerEmail) = await app.CreateMemberAsync(org, OrganizationRole.Officer, Password, "업무 담당");
        var (_, secret) = await app.CreateApiKeyAsync(org);
        using var api = app.ApiClient(secret);
        Uri Roles(Guid id) => new($"/api/organization/members/{id}/roles", UriKind.Relative);

        var changed = await api.PutAsJsonAsync(Roles(officerId), new { roles = new[] { "officer", "ciso" } }, FinCloudApp.Json, Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RolesAsync(app, org, officerEmail)).ShouldBe([OrganizationRole.Officer, OrganizationRole.Ciso]);
        (await api.PutAsJsonAsync(Roles(officerId), new { roles = Array.Empty<string>() }, FinCloudApp.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var lastAdmin = await api.PutAsJsonAsync(Roles(adminId), new { roles = new[] { "officer" } }, FinCloudApp.Json, Ct);
        lastAdmin.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await BodyAsync(lastAdmin)).ShouldContain("last-administrator");
        (await api.DeleteAsync(new Uri($"/api/organization/members/{adminId}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await EventsAsync(app, org, AuditEventType.MemberRolesChanged)).ShouldBe(1);

        // Through the page: the administrator ticks the roles; removing themselves is not offered.
        using var admin = await SignedInAsync(app, adminEmail);
        var page = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct);
        page.ShouldContain("remove-" + officerId);
        page.ShouldNotContain("remove-" + adminId);
        var found = await admin.GetStringAsync(new Uri("/admin?q=" + Uri.EscapeDataString("업무"), UriKind.Relative), Ct);
        found.ShouldContain("구성원 2명 중 1명 표시");
        found.ShouldContain(officerEmail);
        found.ShouldNotContain(adminEmail);
        var ticked = await admin.PostFormPairsAsync("/admin", "roles-" + officerId, [new("roles", "Auditor")]);
        (await BodyAsync(ticked)).ShouldContain("업무 담당님의 역할을 바꿨습니다.");
        (await RolesAsync(app, org, officerEmail)).ShouldBe([OrganizationRole.Auditor]);

        string LastSignIn(string html) => Regex.Match(html, $"data-member=\"{Regex.Escape(officerEmail)}\"[\\s\\S]*?data-testid=\"last-sign-in\">(.*?)</td>").Groups[1].Value;
        LastSignIn(page).ShouldBe("없음");
        using var officer = await SignedInAsync(app, officerEmail);
        (await officer.GetAsync(new Uri("/cloud-use", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        LastSignIn(await admin.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct)).ShouldContain("<time", customMessage: "the sign-in's time, from the audit trail");
        (await BodyAsync(await admin.PostFormPairsAsync("/admin", "remove-" + officerId, []))).ShouldContain("업무 담당님을 구성원에서 삭제했습니다.");
        (await RolesAsync(app, org, officerEmail)).ShouldBeEmpty();
        (await EventsAsync(app, org, AuditEventType.MemberRemoved)).ShouldBe(1);
        using var after = await SignedInAsync(app, officerEmail);
        (await after.GetAsync(new Uri("/cloud-use", UriKind.Relative), Ct)).Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_member_changes_their_password(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, email) = await app.CreateMemberAsync(org, OrganizationRole.Officer, Password);
        using var client = await SignedInAsync(app, email);
        Task<HttpResponseMessage> Change(string current, string next, string? confirm = null) =>
            client.PostFormAsync("/account/password", "change-password", new() { ["Input.Current"] = current, ["Input.Password"] = next, ["Input.Confirm"] = confirm ?? next });

        (await BodyAsync(await Change("Wrong-password-1", "Bb2@" + Guid.NewGuid().ToString("N")))).ShouldContain("현재 비밀번호가 올바르지 않습니다.");
        (await BodyAsync(await Change(Password, "alllowercase-only"))).ShouldContain("비밀번호에 영문 대문자를 하나 이상 넣으세요.");
        (await BodyAsync(await Change(Password, "Bb2@abcdefghijkl", "Bb2@abcdefghijkm"))).ShouldContain("두 비밀번호가 다릅니다.");
        var next = "Bb2@" + Guid.NewGuid().ToString("N");
        (await BodyAsync(await Change(Password, next))).ShouldContain("비밀번호를 바꿨습니다.");
        (await EventsAsync(app, org, AuditEventType.PasswordChanged)).ShouldBe(1);
        (await client.GetAsync(new Uri("/cloud-use", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "this session goes on");

        using var old = app.Browser();
        (await BodyAsync(await old.SignInAsync(email, Password))).ShouldContain("이메일 또는 비밀번호가 올바르지 않습니다");
        using var fresh = await SignedInAsync(app, email, next);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_forgotten_password_is_reset_through_a_mailed_link_that_works_once(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, email) = await app.CreateMemberAsync(org, OrganizationRole.Officer, Password);
        var mail = app.Services.GetRequiredService<IMailSender>().ShouldBeOfType<FileDropMailSender>();
        List<MimeMessage> MailTo(string to) => !Directory.Exists(mail.Directory) ? [] : [.. Directory.GetFiles(mail.Directory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.ToString() == to)];
        using var client = app.Browser();
        Task<HttpResponseMessage> Ask(string address) => client.PostFormAsync("/account/forgot-password", "forgot-password", new() { ["Input.Email"] = address });

        // The same answer for an address without an account: the page tells no one who is registered.
        var nobody = $"nobody-{Guid.NewGuid():N}@member.example";
        (await BodyAsync(await Ask(nobody))).ShouldContain("입력한 주소에 계정이 있으면 재설정 링크를 보냈습니다.");
        MailTo(nobody).ShouldBeEmpty();
        (await BodyAsync(await Ask(email.ToUpperInvariant()))).ShouldContain("입력한 주소에 계정이 있으면 재설정 링크를 보냈습니다.");
        var body = MailTo(email).ShouldHaveSingleItem().TextBody ?? "";
        var link = Regex.Match(body, "https?://\\S+/account/reset-password\\?\\S+").Value;
        var path = new Uri(link).PathAndQuery;
        Task<HttpResponseMessage> Reset(string at, string password, string? confirm = null) =>
            client.PostFormAsync(at, "reset-password", new() { ["Input.Password"] = password, ["Input.Confirm"] = confirm ?? password });

        (await BodyAsync(await Reset(path, "Cc3#abcdefghijkl", "Cc3#abcdefghijkm"))).ShouldContain("두 비밀번호가 다릅니다.");
        (await BodyAsync(await Reset(path, "short"))).ShouldContain("비밀번호는 12자 이상이어야 합니다.");
        (await BodyAsync(await Reset(path[..^4] + "AAAA", "Cc3#" + Guid.NewGuid().ToString("N")))).ShouldContain("재설정 링크가 유효하지 않거나 만료되었습니다");
        var next = "Cc3#" + Guid.NewGuid().ToString("N");
        (await BodyAsync(await Reset(path, next))).ShouldContain("새 비밀번호를 정했습니다.");
        (await BodyAsync(await Reset(path, "Dd4$" + Guid.NewGuid().ToString("N")))).ShouldContain("재설정 링크가 유효하지 않거나 만료되었습니다", customMessage: "a link works once");
        using var signedIn = await SignedInAsync(app, email, next);
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.PasswordChanged && e.After == "reset by e-mail link"), org)).ShouldBe(1);
        app.Logs.Lines.ShouldNotContain(l => l.Contains(email, StringComparison.OrdinalIgnoreCase), "the address is never logged");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_administrator_lifts_a_lockout_and_a_member_ends_their_other_sessions(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, adminEmail) = await app.CreateMemberAsync(org, OrganizationRole.Administrator, Password);
        var (officerId, officerEmail) = await app.CreateMemberAsync(org, OrganizationRole.Officer, Password, "업무 담당");
        using (var guesser = app.Browser())
        {
            for (var i = 0; i < 5; i++)
            {
                await guesser.SignInAsync(officerEmail, "Wrong-password-" + i);
            }

            (await guesser.SignInAsync(officerEmail, Password)).Headers.Location!.ToString().ShouldContain("account/lockout");
        }

        using var admin = await SignedInAsync(app, adminEmail);
        (await admin.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct)).ShouldContain("data-testid=\"locked\"");
        (await BodyAsync(await admin.PostFormPairsAsync("/admin", "unlock-" + officerId, []))).ShouldContain("업무 담당님의 계정 잠금을 해제했습니다.");
        (await EventsAsync(app, org, AuditEventType.AccountUnlocked)).ShouldBe(1);
        using var here = await SignedInAsync(app, officerEmail);
        using var elsewhere = await SignedInAsync(app, officerEmail);

        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == officerId).Select(u => u.SecurityStamp).SingleAsync());
        (await BodyAsync(await here.PostFormPairsAsync("/account/password", "end-other-sessions", []))).ShouldContain("다른 기기의 로그인은 5분 안에 끝납니다.");
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == officerId).Select(u => u.SecurityStamp).SingleAsync())).ShouldNotBe(stamp);
        (await EventsAsync(app, org, AuditEventType.OtherSessionsEnded)).ShouldBe(1);
        (await here.GetAsync(new Uri("/cloud-use", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "this browser stays signed in");
    }
}
