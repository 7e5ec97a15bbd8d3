using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FinCloud.Web.Features.Organizations;

/// <summary>Why an identity provider's answer was not taken; the codes go to the audit trail and the sign-in page.</summary>
public enum SingleSignOnProblem
{
    None,

    /// <summary>The discovery document or keys could not be read.</summary>
    ProviderUnavailable,

    /// <summary>The provider answered the authorization request with an error (the user cancelled, consent refused).</summary>
    ProviderError,

    /// <summary>The code could not be redeemed at the token endpoint.</summary>
    CodeRejected,

    /// <summary>The ID token's signature, issuer, audience, lifetime or nonce did not hold.</summary>
    TokenInvalid,

    /// <summary>The token carries no verified e-mail address in one of the organisation's domains.</summary>
    EmailNotAccepted,

    /// <summary>No member of the organisation has that address (FinCloud does not create accounts on first sign-in).</summary>
    NotAMember,

    /// <summary>The sign-in started elsewhere, too long ago, or its state did not match.</summary>
    StateMismatch,

    /// <summary>The account is locked or not confirmed.</summary>
    AccountNotAllowed,
}

/// <summary>What a validated ID token says about the person.</summary>
public sealed record OpenIdIdentity(string Subject, string Email);

/// <summary>
/// The OpenID Connect client side, per provider: discovery (cached; read again hourly or when a token names a new key),
/// redeeming an authorization code with PKCE, and validating the ID token. Providers must use HTTPS; a loopback
/// address may use HTTP (a provider on the same machine, in development and tests).
/// </summary>
public sealed class OpenIdProvider(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "sso";

    /// <summary>How long a provider's discovery document and keys are used before they are read again.</summary>
    public static readonly TimeSpan RereadAfter = TimeSpan.FromHours(1);

    /// <summary>The shortest time between two readings of one provider: unknown keys in tokens cannot make it a flood.</summary>
    public static readonly TimeSpan RereadAtMost = TimeSpan.FromSeconds(30);

    /// <param name="RereadAt">When a token last made it read again before its time.</param>
    private sealed record Discovered(OpenIdConnectConfiguration Configuration, DateTimeOffset ReadAt, DateTimeOffset? RereadAt);

    private readonly ConcurrentDictionary<string, Discovered> _configurations = new(StringComparer.Ordinal);

    /// <summary>Null when the address may be an OpenID Connect issuer; otherwise what is wrong with it.</summary>
    public static SettingProblemKind? AuthorityProblem(string authority) =>
        !Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            ? SettingProblemKind.AuthorityNotAnAddress
            : uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
                ? null
                : SettingProblemKind.AuthorityNotHttps;

    /// <summary>
    /// The provider's discovery document with its keys, read again after <see cref="RereadAfter"/>, or at once when
    /// <paramref name="reread"/> (a token named a key not seen yet), at most once per <see cref="RereadAtMost"/>.
    /// Null when it cannot be read.
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> DiscoverAsync(string authority, CancellationToken ct, bool reread = false)
    {
        var now = clock.GetUtcNow();
        if (_configurations.TryGetValue(authority, out var known) && now - known.ReadAt < RereadAfter &&
            (!reread || (known.RereadAt is { } last && now - last < RereadAtMost)))
        {
            return known.Configuration;
        }

        var loopback = Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = !loopback };
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(authority.TrimEnd('/') + "/.well-known/openid-configuration", retriever, ct);
            _configurations[authority] = new(configuration, now, reread ? now : known?.RereadAt);
            return configuration;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or System.Text.Json.JsonException or HttpRequestException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // Unreachable, not found, not a discovery document, or too slow: the next call tries again.
            return null;
        }
    }

    /// <summary>Exchanges the code for tokens (client secret in the form, PKCE verifier) and returns the ID token.</summary>
    public async Task<string?> RedeemAsync(OpenIdConnectConfiguration configuration, string clientId, string clientSecret, string code,
        Uri redirectUri, string verifier, CancellationToken ct)
    {
        using var request = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri.ToString(),
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["code_verifier"] = verifier,
        });
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(new Uri(configuration.TokenEndpoint), request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var tokens = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
            return tokens?.IdToken;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Signature (the provider's published keys), issuer, audience, lifetime and nonce; then subject and e-mail. A token
    /// signed with a key not yet seen means the provider rotated its keys: they are read again, once.
    /// </summary>
    public async Task<OpenIdIdentity?> ValidateAsync(string authority, OpenIdConnectConfiguration configuration, string idToken, string clientId, string nonce,
        CancellationToken ct)
    {
        var result = await ValidateTokenAsync(configuration, idToken, clientId);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException &&
            await DiscoverAsync(authority, ct, reread: true) is { } reread && !ReferenceEquals(reread, configuration))
        {
            result = await ValidateTokenAsync(reread, idToken, clientId);
        }

        if (!result.IsValid || result.ClaimsIdentity is not { } identity)
        {
            return null;
        }

        var subject = identity.FindFirst("sub")?.Value;
        var email = identity.FindFirst("email")?.Value;
        // A provider that says the address is unverified is not trusted with it; one that says nothing is (Entra ID omits it).
        var unverified = identity.FindFirst("email_verified")?.Value is { } verified && bool.TryParse(verified, out var v) && !v;
        return identity.FindFirst("nonce")?.Value != nonce || string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(email) || unverified
            ? null
            : new OpenIdIdentity(subject, email.Trim());
    }

    private Task<TokenValidationResult> ValidateTokenAsync(OpenIdConnectConfiguration configuration, string idToken, string clientId) =>
        new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = clientId,
            IssuerSigningKeys = configuration.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
                (notBefore is null || notBefore.Value - parameters.ClockSkew <= clock.GetUtcNow().UtcDateTime) &&
                expires is { } e && clock.GetUtcNow().UtcDateTime <= e + parameters.ClockSkew,
        });

    private sealed record TokenResponse([property: JsonPropertyName("id_token")] string? IdToken);
}
