using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.RateLimiting;

namespace FinCloud.Web.Security;

/// <summary>Request budgets per minute (<c>RateLimits:*</c>); a request over budget gets 429 with Retry-After.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Sign-in attempts (form posts) from one client address.</summary>
    public int SignInPerAddressPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts for one account name, from anywhere: slows password spraying across addresses.</summary>
    public int SignInPerAccountPerMinute { get; set; } = 10;

    /// <summary>API requests authenticated by one API key.</summary>
    public int ApiPerKeyPerMinute { get; set; } = 6000;

    /// <summary>API requests of one organisation, over all its keys.</summary>
    public int ApiPerOrganizationPerMinute { get; set; } = 12000;
}

/// <summary>
/// ASP.NET Core rate limiting for sign-in (per client address and per account name) and the API (per key and per
/// organisation). One chained global limiter, placed after authentication so an API request is counted against its key.
/// </summary>
public static class RateLimits
{
    public const string SignInPath = "/account/login";

    /// <summary>Asking for a reset mail is budgeted as a sign-in: per address and per account name (no mail flood).</summary>
    public const string ForgotPasswordPath = "/account/forgot-password";
    public const string AccountField = "Input.Email";

    public static IServiceCollection AddFinCloudRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton(settings);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerMinute(settings.SignInPerAddressPerMinute, c => IsSignIn(c) ? "sign-in/address/" + c.Connection.RemoteIpAddress : null),
                PerMinute(settings.SignInPerAccountPerMinute, c => IsSignIn(c) && AccountName(c) is { } account ? "sign-in/account/" + account : null),
                PerMinute(settings.ApiPerKeyPerMinute, c => ApiKeyOf(c) is { } key ? "api/key/" + key : null),
                PerMinute(settings.ApiPerOrganizationPerMinute, c => ApiKeyOf(c) is not null && c.User.Organization() is { } org ? "api/organization/" + org : null));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Reads the sign-in form before the limiter so the account name can be a partition key (the form is buffered and read once).</summary>
    public static IApplicationBuilder UseFinCloudRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignIn(context) && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static PartitionedRateLimiter<HttpContext> PerMinute(int permits, Func<HttpContext, string?> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => key(context) is { } k
            ? RateLimitPartition.GetFixedWindowLimiter(k, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) &&
        (context.Request.Path.StartsWithSegments(SignInPath) || context.Request.Path.StartsWithSegments(ForgotPasswordPath));

    private static string? AccountName(HttpContext context) =>
        context.Request.HasFormContentType && context.Request.Form[AccountField].ToString().Trim() is { Length: > 0 } name
            ? name.ToUpperInvariant()
            : null;

    private static string? ApiKeyOf(HttpContext context) =>
        context.User.FindFirstValue(FinCloudClaims.ActorKind) == nameof(ActorKind.ApiKey) ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"요청이 너무 많습니다. {seconds}초 후에 다시 시도하세요. (Too many requests; retry after {seconds} s.)",
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
            },
        });
    }
}
