using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinCloud.Core;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Deadlines;
using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Api;
using FinCloud.Web.Components;
using FinCloud.Web.Components.Account;
using FinCloud.Web.Features.Audit;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Features.Continuity;
using FinCloud.Web.Features.Deadlines;
using FinCloud.Web.Features.Webhooks;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace FinCloud.Web.Hosting;

/// <summary>Services and pipeline of the web app, kept out of Program.cs so tests and readers find them in one place.</summary>
public static class FinCloudHost
{
    public static readonly CultureInfo[] Cultures = [new("ko-KR"), new("en-US")];

    /// <summary>The request is served in Korean (the default), not English: which of a record's two names to show.</summary>
    public static bool KoreanUi => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";

    public static WebApplicationBuilder AddFinCloud(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (builder.Configuration["Logging:Console:FormatterName"] is null && !builder.Environment.IsDevelopment())
        {
            // Structured JSON lines outside development; templates carry ids and counts, never names or addresses.
            builder.Logging.AddJsonConsole();
        }

        var settings = DatabaseSetup.ReadSettings(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddFinCloudDatabase(settings);
        services.AddFinCloudDeadlines(builder.Configuration, settings);
        services.AddDeadlineSource<SeparationDeadlines>();
        services.AddDeadlineSource<CloudUseDeadlines>();
        services.AddDeadlineSource<ContinuityDeadlines>();
        // Keys in the database: N instances share them, and sessions survive restarts and redeployments.
        services.AddDataProtection().PersistKeysToFinCloudDatabase().SetApplicationName("FinCloud");

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<TenantAccess>();
        services.AddSingleton<Features.CloudUse.EvidenceStore>();
        services.AddSingleton(Features.Scanning.ScanningSettings.Read(builder.Configuration, settings));
        services.AddSingleton<Features.Scanning.ScanJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Scanning.ScanJobRunner>());
        services.AddSingleton<Core.Features.Exchange.ISigningKeyProtector, Features.Exchange.DataProtectionSigningKeyProtector>();
        Features.CloudUse.EvidenceSweepJob.AddEvidenceSweep(services);
        services.AddFinCloudWebhooks(builder.Configuration);
        services.AddHttpClient(Features.Organizations.OpenIdProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<Features.Organizations.OpenIdProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.Cookie.Name = "FinCloud.Auth";
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Idle timeout with sliding renewal: each request past half the window issues a fresh cookie.
                o.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Security:SessionIdleMinutes", 30));
                o.SlidingExpiration = true;
            }));

        services.AddIdentityCore<FinCloudUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<FinCloudDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<KoreanIdentityErrors>()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name)
            .AddClaimsPrincipalFactory<FinCloudClaimsPrincipalFactory>();

        services.AddTwoFactorPolicy();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = Components.Account.Pages.ForgotPassword.LinkLifetime);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser().RequireClaim(FinCloudClaims.OrganizationId))
            .AddPolicy(Policies.Editor, p => p.RequireClaim(FinCloudClaims.OrganizationId)
                .RequireRole(nameof(OrganizationRole.Officer), nameof(OrganizationRole.Ciso), nameof(OrganizationRole.CommitteeMember), nameof(OrganizationRole.Administrator)))
            .AddPolicy(Policies.Administrator, p => p.RequireClaim(FinCloudClaims.OrganizationId).RequireRole(nameof(OrganizationRole.Administrator)))
            .AddPolicy(Policies.Institution, p => p.RequireAuthenticatedUser().RequireClaim(FinCloudClaims.OrganizationId)
                .RequireAssertion(c => c.User.Kind() == Core.Organizations.OrganizationKind.FinancialInstitution))
            .AddPolicy(Policies.Supervisor, p => p.RequireAuthenticatedUser().RequireClaim(FinCloudClaims.OrganizationId)
                .RequireAssertion(c => c.User.Kind() == Core.Organizations.OrganizationKind.Fss))
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireClaim(FinCloudClaims.OrganizationId));

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Korean first: the browser's language does not override it, only the user's explicit choice (cookie).
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // Korean text as characters, not numeric entities, in rendered HTML.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddFinCloudRateLimits(builder.Configuration);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The reverse proxy (docs/deployment.md) on the same host or a listed address tells us the client and scheme.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddValidation();
        services.AddOpenApi(Api.OpenApiConventions.Configure);
        services.AddHealthChecks();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        return builder;
    }

    public static WebApplication UseFinCloud(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseRequestLocalization();
        // The API answers errors with ProblemDetails; pages get the friendly Korean/English page.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            // A form post refused with 400 (e.g. no anti-forgery token) renders its status page as a GET: the form failed
            // validation once, and reading it again in the re-execution would throw and turn the 400 into a 500.
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.Use((context, next) =>
            {
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()!.Enabled = false;
                return next(context);
            });
            api.UseStatusCodePages();
        });
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: an API request's principal comes from its API key, a page's from the cookie.
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<TenantContext>().EnterFrom(context.User);
            return next(context);
        });
        app.UseTwoFactorPolicy();
        app.UseFinCloudRateLimits();
        app.UseApiScopes();
        app.UseIdempotencyKeys();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference");
        app.MapFinCloudApi();
        app.MapCalendarFeed();
        app.MapAuditExport();
        Features.Organizations.MemberExport.MapMemberExport(app);
        app.MapCaseListExport();
        app.MapContinuityExports();
        Features.NetworkSeparation.SupervisionExport.MapSeparationSupervisionExport(app);
        Features.CloudUse.EvidenceApi.MapCloudUseFiles(app);
        Features.Supervision.SupervisionApi.MapSupervisionFiles(app);
        Features.Exchange.ExchangeFiles.MapExchangeFiles(app);
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        Features.Organizations.SingleSignOnFlow.MapSingleSignOn(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static void MapCultureEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture) ?? Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return TypedResults.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();
}
