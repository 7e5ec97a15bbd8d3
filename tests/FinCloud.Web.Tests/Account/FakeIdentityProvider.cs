using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FinCloud.Web.Tests.Account;

/// <summary>
/// An OpenID Connect provider on a free loopback port, as an institution's Entra ID or Keycloak would be: discovery,
/// published keys, an authorization endpoint that signs in <see cref="Person"/> at once, and a token endpoint that
/// checks the client secret, the redirect URI and the PKCE verifier. <see cref="Tamper"/> makes its next ID token wrong.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "fincloud-test";

    private readonly WebApplication _app;
    private RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "key-1" };
    private readonly RsaSecurityKey _foreignKey = new(RSA.Create(2048)) { KeyId = "key-1" };
    private readonly ConcurrentDictionary<string, Grant> _grants = new();

    private sealed record Grant(string RedirectUri, string Nonce, string Challenge, Person Person);

    public sealed record Person(string Subject, string Email, bool? EmailVerified = true);

    public enum Tampering
    {
        None,
        WrongAudience,
        WrongNonce,
        ForeignKey,
        Expired,
    }

    private FakeIdentityProvider(WebApplication app) => _app = app;

    public string ClientSecret { get; } = "secret-" + Guid.NewGuid().ToString("N");

    public string Authority { get; private set; } = "";

    /// <summary>Whom the authorization endpoint signs in.</summary>
    public Person? SignedIn { get; set; }

    public Tampering Tamper { get; set; }

    /// <summary>The query of the last authorization request, as the browser brought it.</summary>
    public IQueryCollection? LastAuthorization { get; private set; }

    /// <summary>The query of the last end-session request (RP-initiated logout).</summary>
    public IQueryCollection? LastLogout { get; private set; }

    /// <param name="hostName">The name it calls itself by: <c>localhost</c> makes it another site than an app on 127.0.0.1.</param>
    public static async Task<FakeIdentityProvider> StartAsync(string hostName = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var idp = new FakeIdentityProvider(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = idp.Authority,
            ["authorization_endpoint"] = idp.Authority + "/authorize",
            ["token_endpoint"] = idp.Authority + "/token",
            ["jwks_uri"] = idp.Authority + "/jwks",
            ["end_session_endpoint"] = idp.Authority + "/logout",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(idp._key);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpRequest request) => idp.Authorize(request));
        app.MapPost("/token", async (HttpRequest request) => idp.Token(await request.ReadFormAsync()));
        // RP-initiated logout: ends the provider's session and goes back where the client asked, if it is the client.
        app.MapGet("/logout", (HttpRequest request) =>
        {
            idp.LastLogout = request.Query;
            return request.Query["client_id"] == ClientId && request.Query["post_logout_redirect_uri"].ToString() is { Length: > 0 } back
                ? Results.Redirect(back)
                : Results.BadRequest();
        });
        await app.StartAsync();
        idp.Authority = app.Urls.First().Replace("127.0.0.1", hostName, StringComparison.Ordinal);
        return idp;
    }

    private IResult Authorize(HttpRequest request)
    {
        LastAuthorization = request.Query;
        var q = request.Query;
        if (SignedIn is not { } person || q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256")
        {
            return Results.Redirect(QueryHelpers.AddQueryString(q["redirect_uri"]!, new Dictionary<string, string?> { ["error"] = "access_denied", ["state"] = q["state"] }));
        }

        var code = Guid.NewGuid().ToString("N");
        _grants[code] = new Grant(q["redirect_uri"]!, q["nonce"]!, q["code_challenge"]!, person);
        return Results.Redirect(QueryHelpers.AddQueryString(q["redirect_uri"]!, new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"] }));
    }

    private IResult Token(IFormCollection form)
    {
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (!_grants.TryRemove(form["code"].ToString(), out var grant) || form["client_id"] != ClientId || form["client_secret"] != ClientSecret ||
            form["redirect_uri"] != grant.RedirectUri || challenge != grant.Challenge || form["grant_type"] != "authorization_code")
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = grant.Person.Subject, ["email"] = grant.Person.Email, ["nonce"] = Tamper == Tampering.WrongNonce ? "another" : grant.Nonce };
        if (grant.Person.EmailVerified is { } verified)
        {
            claims["email_verified"] = verified;
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = Tamper == Tampering.WrongAudience ? "someone-else" : ClientId,
            Claims = claims,
            IssuedAt = Tamper == Tampering.Expired ? now.AddHours(-2) : now,
            NotBefore = Tamper == Tampering.Expired ? now.AddHours(-2) : now,
            Expires = Tamper == Tampering.Expired ? now.AddHours(-1) : now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(Tamper == Tampering.ForeignKey ? _foreignKey : _key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { id_token = token, access_token = "unused", token_type = "Bearer", expires_in = 300 });
    }

    /// <summary>Signs from now on with a new key under a new id, and publishes only that one (as providers rotate keys).</summary>
    public void RotateKey()
    {
        var old = _key;
        _key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-" + Guid.NewGuid().ToString("N")[..8] };
        old.Rsa.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
        _foreignKey.Rsa.Dispose();
    }
}
