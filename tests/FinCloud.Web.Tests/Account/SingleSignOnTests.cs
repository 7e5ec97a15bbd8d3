using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Account;

/// <summary>
/// 기관 SSO against a real OpenID Connect provider on a loopback port: an administrator sets it up, members sign in
/// through it, and the provider is believed only about its own organisation's domains and members. Each test makes its
/// own organisation and e-mail domain.
/// </summary>
public sealed partial class SingleSignOnTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Password = "Aa1!" + Guid.NewGuid().ToString("N");

    [GeneratedRegex("data-testid=\"sso-continue\">")]
    private static partial Regex ContinuePattern();

    [GeneratedRegex("data-testid=\"sso-go\" href=\"([^\"]+)\"")]
    private static partial Regex ProviderLinkPattern();

    internal sealed record Tenant(Guid Id, string Domain, HttpClient Administrator);

    /// <summary>A new organisation with its own domain, an administrator signed in, and SSO on with <paramref name="idp"/>.</summary>
    internal static async Task<Tenant> TenantWithSsoAsync(FinCloudApp app, FakeIdentityProvider idp)
    {
        var org = await app.CreateOrganizationAsync();
        var domain = $"t{Guid.NewGuid():N}"[..12] + ".example";
        var (_, adminEmail) = await app.CreateMemberAsync(org, OrganizationRole.Administrator, Password, "SSO 관리자", $"admin@{domain}");
        var admin = app.Browser();
        (await admin.SignInAsync(adminEmail, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await SaveAsync(admin, idp.Authority, idp.ClientSecret, domain, enabled: true);
        saved.ShouldContain("data-testid=\"sso-saved\"");
        return new Tenant(org, domain, admin);
    }

    private static async Task<string> SaveAsync(HttpClient admin, string authority, string? secret, string domains, bool enabled, bool required = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Authority"] = authority,
            ["Input.ClientId"] = FakeIdentityProvider.ClientId,
            ["Input.ClientSecret"] = secret ?? "",
            ["Input.Domains"] = domains,
        };
        if (enabled)
        {
            fields["Input.Enabled"] = "true";
        }

        if (required)
        {
            fields["Input.Required"] = "true";
        }

        var response = await admin.PostFormAsync("/admin", "sso-settings", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>
    /// What a browser does: start at FinCloud, follow the redirect to the provider, follow its redirect back. Returns
    /// the callback's answer.
    /// </summary>
    internal static async Task<HttpResponseMessage> SignInThroughAsync(HttpClient browser, string email, string returnUrl = "/cloud-use")
    {
        var start = await StartAsync(browser, email, returnUrl);
        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await toProvider.GetAsync(await ProviderAddressAsync(start), Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await browser.GetAsync(new Uri(answer.Headers.Location!.PathAndQuery, UriKind.Relative), Ct);
    }

    /// <summary>Where the sign-in page sends the browser after its SSO form (a page of its own, not a redirect).</summary>
    private static async Task<Uri> ProviderAddressAsync(HttpResponseMessage start)
    {
        start.StatusCode.ShouldBe(HttpStatusCode.OK);
        var match = ProviderLinkPattern().Match(await start.Content.ReadAsStringAsync(Ct));
        match.Success.ShouldBeTrue("the page links to the provider");
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value));
    }

    /// <summary>The sign-in page's SSO form.</summary>
    private static Task<HttpResponseMessage> StartAsync(HttpClient browser, string email, string returnUrl = "/cloud-use") =>
        browser.PostFormAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "sso", new() { ["Sso.Email"] = email });

    internal static async Task<bool> SignedInAsync(HttpClient browser) =>
        (await browser.GetAsync(new Uri("/cloud-use", UriKind.Relative), Ct)).StatusCode == HttpStatusCode.OK;

    internal static Task<List<AuditEvent>> EventsAsync(FinCloudApp app, Guid org, AuditEventType type) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.Type == type).OrderBy(e => e.Sequence).ToListAsync(), org);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_administrator_sets_up_SSO_and_a_member_signs_in_through_the_provider(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var idp = await FakeIdentityProvider.StartAsync();
        var org = await app.CreateOrganizationAsync();
        var domain = $"t{Guid.NewGuid():N}"[..12] + ".example";
        var (_, adminEmail) = await app.CreateMemberAsync(org, OrganizationRole.Administrator, Password, "SSO 관리자", $"admin@{domain}");
        using var admin = app.Browser();
        (await admin.SignInAsync(adminEmail, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Wrong values: every field says what is wrong and keeps what was typed; nothing is saved.
        var refused = WebUtility.HtmlDecode(await SaveAsync(admin, "http://idp.example/oidc", null, "not a domain!", enabled: true));
        refused.ShouldContain("발급자 주소는 https여야 합니다");
        refused.ShouldContain("클라이언트 시크릿을 입력하세요.");
        refused.ShouldContain("'not'은(는) 도메인 형식이 아닙니다.");
        refused.ShouldContain("value=\"http://idp.example/oidc\"");
        WebUtility.HtmlDecode(await SaveAsync(admin, "idp.example", "x", "a.example", enabled: false)).ShouldContain("https://로 시작하는 발급자(issuer) 주소를 입력하세요");
        await admin.GetAsync(new Uri("/culture/en", UriKind.Relative), Ct);
        var english = WebUtility.HtmlDecode(await SaveAsync(admin, "http://idp.example/oidc", "x", "example", enabled: false));
        english.ShouldContain("The issuer must use https (http only on this server's loopback address).");
        english.ShouldContain("'example' is not a domain name.");
        await admin.GetAsync(new Uri("/culture/ko", UriKind.Relative), Ct);
        var unreachable = await SaveAsync(admin, "https://127.0.0.1:1/nowhere", "s3cret-value", domain, enabled: true);
        unreachable.ShouldContain("발견 문서(.well-known/openid-configuration)를 읽을 수 없습니다");
        unreachable.ShouldNotContain("s3cret-value", customMessage: "a secret is never written back into the page");
        (await app.WithDbAsync(db => db.SingleSignOns.CountAsync(), org)).ShouldBe(0);

        var saved = await SaveAsync(admin, idp.Authority + "/", idp.ClientSecret, $"@{domain.ToUpperInvariant()}", enabled: true);
        saved.ShouldContain("SSO 설정을 저장했습니다.");
        saved.ShouldContain("/account/sso/callback</code>");
        var page = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct);
        page.ShouldContain("사용 중");
        page.ShouldContain($"value=\"{domain}\"");
        page.ShouldNotContain(idp.ClientSecret);
        var stored = await app.WithDbAsync(db => db.SingleSignOns.SingleAsync(), org);
        stored.Authority.ShouldBe(idp.Authority, "the trailing slash is dropped");
        stored.ProtectedClientSecret.ShouldNotContain(idp.ClientSecret, Case.Sensitive, "the secret is sealed at rest");
        var changed = (await EventsAsync(app, org, AuditEventType.SingleSignOnChanged)).ShouldHaveSingleItem();
        changed.After!.ShouldContain(domain);
        changed.After!.ShouldNotContain(idp.ClientSecret);

        // A member signs in through the provider and lands where they were going.
        var (officerId, officerEmail) = await app.CreateMemberAsync(org, OrganizationRole.Officer, Password, "SSO 담당", $"officer@{domain}");
        idp.SignedIn = new FakeIdentityProvider.Person("subject-officer", officerEmail);
        using var browser = app.Browser();
        var callback = await SignInThroughAsync(browser, officerEmail.ToUpperInvariant());
        idp.LastAuthorization!.ContainsKey("login_hint").ShouldBeFalse("no address in a URL");
        idp.LastAuthorization["code_challenge"].ToString().Length.ShouldBe(43, "PKCE S256");
        callback.StatusCode.ShouldBe(HttpStatusCode.OK);
        var interstitial = await callback.Content.ReadAsStringAsync(Ct);
        ContinuePattern().IsMatch(interstitial).ShouldBeTrue();
        interstitial.ShouldContain("url=/cloud-use");
        (await SignedInAsync(browser)).ShouldBeTrue();
        (await browser.GetStringAsync(new Uri("/", UriKind.Relative), Ct)).ShouldContain("SSO 담당님, 환영합니다");
        var signedIn = (await EventsAsync(app, org, AuditEventType.SignedInWithSingleSignOn)).ShouldHaveSingleItem();
        signedIn.EntityId.ShouldBe(officerId.ToString());
        signedIn.ActorId.ShouldBe(officerId);
        (await EventsAsync(app, org, AuditEventType.SingleSignOnLinked)).ShouldHaveSingleItem().EntityId.ShouldBe(officerId.ToString());
        var officerRow = Regex.Match(await admin.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct), $"<tr data-member=\"{Regex.Escape(officerEmail)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        officerRow.ShouldContain("data-testid=\"sso-linked\"", customMessage: "the member list shows who is linked");
        officerRow.ShouldNotContain("없음", customMessage: "an SSO sign-in is the member's last sign-in");
        app.Logs.Lines.ShouldNotContain(line => line.Contains(officerEmail, StringComparison.OrdinalIgnoreCase), "no address in the log");

        // Signing out ends the session at the provider too (RP-initiated logout), from a page of our own; the provider
        // sends the browser back to the sign-in page. A password sign-in's sign-out stays here.
        var signOut = await browser.SignOutAsync();
        signOut.StatusCode.ShouldBe(HttpStatusCode.OK);
        var leaving = await signOut.Content.ReadAsStringAsync(Ct);
        var link = Regex.Match(leaving, "<a href=\"([^\"]+)\" data-testid=\"sso-sign-out\">");
        link.Success.ShouldBeTrue(leaving);
        var endSession = WebUtility.HtmlDecode(link.Groups[1].Value);
        endSession.ShouldStartWith(idp.Authority + "/logout?");
        (await SignedInAsync(browser)).ShouldBeFalse();
        using (var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            var back = await toProvider.GetAsync(new Uri(endSession), Ct);
            back.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the provider accepts the client and its post-logout address");
            back.Headers.Location!.ToString().ShouldEndWith("/account/login");
        }

        idp.LastLogout!["client_id"].ToString().ShouldBe(FakeIdentityProvider.ClientId);
        (await EventsAsync(app, org, AuditEventType.SignedOut)).ShouldHaveSingleItem().After.ShouldBe("also at the SSO provider");
        (await browser.SignInAsync(officerEmail, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.SignOutAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a password sign-in signs out here only");

        // The subject is now linked: the next sign-in finds the member by it, even under a new address at the provider,
        // and after the provider rotated its signing key (read again when a token names a key not seen yet).
        idp.SignedIn = new FakeIdentityProvider.Person("subject-officer", $"renamed@{domain}");
        idp.RotateKey();
        using var again = app.Browser();
        (await SignInThroughAsync(again, officerEmail)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignedInAsync(again)).ShouldBeTrue();

        // Another provider: the members' links to the old one's subjects are cleared, and the address links them again.
        await using var successor = await FakeIdentityProvider.StartAsync();
        (await SaveAsync(admin, successor.Authority, successor.ClientSecret, domain, enabled: true)).ShouldContain("SSO 설정을 저장했습니다.");
        (await app.WithDbAsync(db => db.UserLogins.CountAsync(l => l.UserId == officerId))).ShouldBe(0);
        var sealedSecret = (await app.WithDbAsync(db => db.SingleSignOns.SingleAsync(), org)).ProtectedClientSecret;
        sealedSecret.ShouldNotBe(stored.ProtectedClientSecret);
        successor.SignedIn = new FakeIdentityProvider.Person("another-issuers-subject", officerEmail);
        using var afterMove = app.Browser();
        (await SignInThroughAsync(afterMove, officerEmail)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignedInAsync(afterMove)).ShouldBeTrue();
        (await app.WithDbAsync(db => db.UserLogins.Where(l => l.UserId == officerId).Select(l => l.ProviderKey).SingleAsync())).ShouldBe("another-issuers-subject");

        // Turned off, the domain no longer leads anywhere; the settings stay.
        await SaveAsync(admin, successor.Authority, null, domain, enabled: false);
        using var later = app.Browser();
        var off = await StartAsync(later, officerEmail);
        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await off.Content.ReadAsStringAsync(Ct)).ShouldContain("이 이메일 도메인에는 SSO가 설정되어 있지 않습니다.");
        (await app.WithDbAsync(db => db.SingleSignOns.SingleAsync(), org)).ProtectedClientSecret.ShouldBe(sealedSecret, "a blank secret keeps the saved one");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_provider_is_believed_only_about_its_own_organisation(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var idp = await FakeIdentityProvider.StartAsync();
        var tenant = await TenantWithSsoAsync(app, idp);
        using var admin = tenant.Administrator;

        // A member of another organisation, whatever their address, is not signed in by this organisation's provider.
        var other = await app.CreateOrganizationAsync();
        var (_, outsiderEmail) = await app.CreateMemberAsync(other, OrganizationRole.Officer, Password, "다른 기관", $"outsider@{tenant.Domain}");
        var cases = new (FakeIdentityProvider.Person Person, string Problem)[]
        {
            (new("s-outsider", outsiderEmail), "NotAMember"),
            (new("s-nobody", $"nobody@{tenant.Domain}"), "NotAMember"),
            (new("s-bank", "officer@hanbit.example"), "EmailNotAccepted"),
            (new("s-unverified", $"admin@{tenant.Domain}", EmailVerified: false), "TokenInvalid"),
        };
        foreach (var (person, problem) in cases)
        {
            idp.SignedIn = person;
            using var browser = app.Browser();
            var callback = await SignInThroughAsync(browser, $"someone@{tenant.Domain}");
            callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            callback.Headers.Location!.ToString().ShouldContain($"sso={problem}", customMessage: person.Subject);
            (await SignedInAsync(browser)).ShouldBeFalse();
        }

        var refusals = await EventsAsync(app, tenant.Id, AuditEventType.SingleSignOnRefused);
        refusals.Select(e => e.After).ShouldBe(cases.Select(c => c.Problem));
        (await EventsAsync(app, other, AuditEventType.SingleSignOnRefused)).ShouldBeEmpty();

        // Another organisation cannot claim the domain.
        var (_, otherAdminEmail) = await app.CreateMemberAsync(other, OrganizationRole.Administrator, Password);
        using var otherAdmin = app.Browser();
        (await otherAdmin.SignInAsync(otherAdminEmail, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SaveAsync(otherAdmin, idp.Authority, "x", tenant.Domain, enabled: true)).ShouldContain("다른 기관의 SSO에 이미 등록된 도메인입니다");

        // The settings are the administrator's: an officer sees no form, and posting one changes nothing.
        using var officer = await app.SignedInMemberAsync(tenant.Id, OrganizationRole.Officer);
        (await officer.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct)).ShouldNotContain("sso-settings");
        var before = await app.WithDbAsync(db => db.SingleSignOns.SingleAsync(), tenant.Id);
        (await officer.PostFormAsync("/admin", "sso-settings", new() { ["Input.Authority"] = "https://evil.example", ["Input.ClientId"] = "x", ["Input.Domains"] = tenant.Domain }))
            .StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.SingleSignOns.SingleAsync(), tenant.Id)).Authority.ShouldBe(before.Authority);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Tampered_or_stray_answers_sign_no_one_in(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var idp = await FakeIdentityProvider.StartAsync();
        var tenant = await TenantWithSsoAsync(app, idp);
        using var admin = tenant.Administrator;
        var (_, email) = await app.CreateMemberAsync(tenant.Id, OrganizationRole.Officer, Password, "담당", $"officer@{tenant.Domain}");
        idp.SignedIn = new FakeIdentityProvider.Person("s-officer", email);

        foreach (var tampering in new[] { FakeIdentityProvider.Tampering.WrongAudience, FakeIdentityProvider.Tampering.WrongNonce, FakeIdentityProvider.Tampering.ForeignKey, FakeIdentityProvider.Tampering.Expired })
        {
            idp.Tamper = tampering;
            using var browser = app.Browser();
            var callback = await SignInThroughAsync(browser, email);
            callback.Headers.Location!.ToString().ShouldContain("sso=TokenInvalid", customMessage: tampering.ToString());
            (await SignedInAsync(browser)).ShouldBeFalse();
        }

        idp.Tamper = FakeIdentityProvider.Tampering.None;

        // The provider's answer brought to a browser that did not start the sign-in, or with another state.
        using (var starter = app.Browser())
        using (var stranger = app.Browser())
        using (var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            var answer = await toProvider.GetAsync(await ProviderAddressAsync(await StartAsync(starter, email)), Ct);
            var back = answer.Headers.Location!.PathAndQuery;
            (await stranger.GetAsync(new Uri(back, UriKind.Relative), Ct)).Headers.Location!.ToString().ShouldContain("sso=StateMismatch");
            var forged = Regex.Replace(back, "state=[^&]+", "state=forged");
            (await starter.GetAsync(new Uri(forged, UriKind.Relative), Ct)).Headers.Location!.ToString().ShouldContain("sso=StateMismatch");
            (await SignedInAsync(starter)).ShouldBeFalse();
            (await SignedInAsync(stranger)).ShouldBeFalse();
        }

        // The provider refused (the person cancelled): nobody is signed in and the page says so.
        idp.SignedIn = null;
        using (var cancelled = app.Browser())
        {
            var callback = await SignInThroughAsync(cancelled, email);
            var location = callback.Headers.Location!.ToString();
            location.ShouldContain("sso=ProviderError");
            (await cancelled.GetStringAsync(new Uri(location, UriKind.Relative), Ct)).ShouldContain("기관의 인증 서버가 로그인을 완료하지 않았습니다.");
        }

        // An address without SSO goes back to the sign-in page with what was typed.
        using var unknown = app.Browser();
        var page = await (await StartAsync(unknown, "kim@no-sso.example")).Content.ReadAsStringAsync(Ct);
        page.ShouldContain("이 이메일 도메인에는 SSO가 설정되어 있지 않습니다.");
        page.ShouldContain("value=\"kim@no-sso.example\"");
        (await (await StartAsync(unknown, "not-an-address")).Content.ReadAsStringAsync(Ct)).ShouldContain("value=\"not-an-address\"");

        (await EventsAsync(app, tenant.Id, AuditEventType.SignedInWithSingleSignOn)).ShouldBeEmpty();
        (await EventsAsync(app, tenant.Id, AuditEventType.SingleSignOnRefused)).Count.ShouldBe(5, "four bad tokens and one cancelled sign-in; stray states name no organisation's trail");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task With_SSO_required_members_use_the_provider_and_administrators_keep_their_passwords(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var idp = await FakeIdentityProvider.StartAsync();
        var tenant = await TenantWithSsoAsync(app, idp);
        using var admin = tenant.Administrator;
        var (officerId, email) = await app.CreateMemberAsync(tenant.Id, OrganizationRole.Officer, Password, "필수 대상", $"required@{tenant.Domain}");
        var (_, adminEmail) = await app.CreateMemberAsync(tenant.Id, OrganizationRole.Administrator, Password, "비상 관리자", $"break-glass@{tenant.Domain}");

        // Before: the password works.
        using (var before = app.Browser())
        {
            (await before.SignInAsync(email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await SaveAsync(admin, idp.Authority, null, tenant.Domain, enabled: true, required: true)).ShouldContain("사용 중 (SSO 필수)");

        using var officer = app.Browser();
        var refused = await officer.SignInAsync(email, Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("이 기관은 SSO로 로그인합니다.");
        (await SignedInAsync(officer)).ShouldBeFalse();
        var failed = (await EventsAsync(app, tenant.Id, AuditEventType.SignInFailed)).ShouldHaveSingleItem();
        failed.EntityId.ShouldBe(officerId.ToString());
        failed.After.ShouldBe("password refused: SSO required");
        using (var wrong = app.Browser())
        {
            (await (await wrong.SignInAsync(email, "Wrong1!password")).Content.ReadAsStringAsync(Ct)).ShouldNotContain("SSO로 로그인합니다",
                customMessage: "a wrong password says nothing about the account");
        }

        idp.SignedIn = new FakeIdentityProvider.Person("s-required", email);
        (await SignInThroughAsync(officer, email)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignedInAsync(officer)).ShouldBeTrue();

        using var breakGlass = app.Browser();
        (await breakGlass.SignInAsync(adminEmail, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "administrators keep their passwords");
        (await SignedInAsync(breakGlass)).ShouldBeTrue();

        // SSO off: the requirement lapses with it.
        await SaveAsync(admin, idp.Authority, null, tenant.Domain, enabled: false, required: true);
        using var afterOff = app.Browser();
        (await afterOff.SignInAsync(email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_API_reads_and_writes_the_settings_with_the_page_checks(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var idp = await FakeIdentityProvider.StartAsync();
        var org = await app.CreateOrganizationAsync();
        var domain = $"a{Guid.NewGuid():N}"[..12] + ".example";
        using var api = app.ApiClient((await app.CreateApiKeyAsync(org)).Secret);
        var uri = new Uri("/api/organization/sso", UriKind.Relative);
        var none = await api.GetFromJsonAsync<JsonElement>(uri, Ct);
        none.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        none.GetProperty("clientSecretSet").GetBoolean().ShouldBeFalse();
        none.GetProperty("required").GetBoolean().ShouldBeFalse();

        var refused = await api.PutAsJsonAsync(uri, new { authority = "http://idp.example", clientId = "", emailDomains = new[] { "bad domain" }, enabled = true }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["authority", "clientId", "clientSecret", "emailDomains"]);
        errors.GetProperty("authority")[0].GetString().ShouldBe("The issuer must use https (http only on this server's loopback address).");
        errors.GetProperty("emailDomains")[0].GetString().ShouldBe("'bad' is not a domain name.");

        var saved = await api.PutAsJsonAsync(uri, new { authority = idp.Authority, clientId = FakeIdentityProvider.ClientId, clientSecret = idp.ClientSecret, emailDomains = new[] { domain }, enabled = true }, Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await saved.Content.ReadAsStringAsync(Ct);
        body.ShouldNotContain(idp.ClientSecret);
        var dto = JsonDocument.Parse(body).RootElement;
        dto.GetProperty("clientSecretSet").GetBoolean().ShouldBeTrue();
        dto.GetProperty("redirectUri").GetString()!.ShouldEndWith("/account/sso/callback");
        (await api.GetFromJsonAsync<JsonElement>(uri, Ct)).GetProperty("emailDomains")[0].GetString().ShouldBe(domain);
        (await EventsAsync(app, org, AuditEventType.SingleSignOnChanged)).ShouldHaveSingleItem().ActorKind.ShouldBe(Core.Tenancy.ActorKind.ApiKey);

        // Another organisation's key reads only its own (none).
        using var other = app.ApiClient((await app.CreateApiKeyAsync(await app.CreateOrganizationAsync())).Secret);
        var theirs = await other.GetStringAsync(uri, Ct);
        theirs.ShouldNotContain(domain);
        theirs.ShouldContain("\"clientSecretSet\":false");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_member_with_two_factor_still_gives_the_code_after_SSO(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var idp = await FakeIdentityProvider.StartAsync();
        var tenant = await TenantWithSsoAsync(app, idp);
        using var admin = tenant.Administrator;
        var (_, email) = await app.CreateMemberAsync(tenant.Id, OrganizationRole.Officer, Password, "이중 인증", $"mfa@{tenant.Domain}");
        string key;
        using (var setUp = app.Browser())
        {
            (await setUp.SignInAsync(email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (key, _) = await TwoFactorPolicyTests.EnableAsync(setUp);
        }

        idp.SignedIn = new FakeIdentityProvider.Person("s-mfa", email);
        using var browser = app.Browser();
        var callback = await SignInThroughAsync(browser, email);
        callback.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await callback.Content.ReadAsStringAsync(Ct)).ShouldContain("/account/login-2fa?returnUrl=%2Fcloud-use");
        (await SignedInAsync(browser)).ShouldBeFalse("the provider alone does not pass the member's own second factor");

        var code = await browser.PostFormAsync("/account/login-2fa?returnUrl=%2Fcloud-use", "login-2fa", new() { ["Input.Code"] = AuthenticatorApp.Next(key) });
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignedInAsync(browser)).ShouldBeTrue();
        (await EventsAsync(app, tenant.Id, AuditEventType.SignedInWithSingleSignOn)).ShouldHaveSingleItem().After.ShouldBe(Features.Organizations.SingleSignOnFlow.ProviderOnlySoFar);
    }
}
