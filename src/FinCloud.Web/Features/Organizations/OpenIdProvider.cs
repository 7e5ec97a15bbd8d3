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
/// The OpenID Connect client side, per provider: discovery (cached, keys refreshed by the configuration manager),
/// redeeming an authorization code with PKCE, and validating the ID token. Providers must use HTTPS; a loopback
/// address may use HTTP (a provider on the same machine, in development and tests).
/// </summary>
public sealed class OpenIdProvider(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "sso";

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _configurations = new(StringComparer.Ordinal);

    /// <summary>Null when the address may be an OpenID Connect issuer; otherwise what is wrong with it.</summary>
    public static SettingProblemKind? AuthorityProblem(string authority) =>
        !Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            ? SettingProblemKind.AuthorityNotAnAddress
            : uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
                ? null
                : SettingProblemKind.AuthorityNotHttps;

    public async Task<OpenIdConnectConfiguration?> DiscoverAsync(string authority, CancellationToken ct)
    {
        var manager = _configurations.GetOrAdd(authority, a =>
        {
            var loopback = Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.IsLoopback;
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = !loopback };
            return new ConfigurationManager<OpenIdConnectConfiguration>(
                a.TrimEnd('/') + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), retriever);
        });
        try
        {
            return await manager.GetConfigurationAsync(ct);
        }
        catch (InvalidOperationException)
        {
            // The manager wraps every retrieval failure (network, status, JSON) this way; the next call retries.
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

    /// <summary>Signature (the provider's published keys), issuer, audience, lifetime and nonce; then subject and e-mail.</summary>
    public async Task<OpenIdIdentity?> ValidateAsync(OpenIdConnectConfiguration configuration, string idToken, string clientId, string nonce)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
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

    private sealed record TokenResponse([property: JsonPropertyName("id_token")] string? IdToken);
}
