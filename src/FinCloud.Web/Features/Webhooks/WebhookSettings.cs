using FinCloud.Core.Features.Webhooks;

namespace FinCloud.Web.Features.Webhooks;

/// <summary>Where webhooks may point, and how long the sender waits.</summary>
/// <param name="AllowHttp">Plain <c>http://</c> addresses too (a test receiver); otherwise only <c>https://</c>.</param>
/// <param name="IntervalSeconds">How often the dispatcher runs; 0 leaves it unscheduled (tests drive it).</param>
public sealed record WebhookSettings(bool AllowHttp = false, int IntervalSeconds = 10, int TimeoutSeconds = 10)
{
    public static WebhookSettings Read(IConfiguration configuration) =>
        configuration.GetSection("Webhooks").Get<WebhookSettings>() ?? new WebhookSettings();

    /// <summary>Null when <paramref name="url"/> is an address FinCloud may post to; otherwise what is wrong with it.</summary>
    public WebhookUrlProblem? Problem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return WebhookUrlProblem.Missing;
        }

        if (url.Length > WebhookEndpoint.MaxUrlLength)
        {
            return WebhookUrlProblem.TooLong;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return WebhookUrlProblem.NotAnAddress;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !AllowHttp)
        {
            return WebhookUrlProblem.NotHttps;
        }

        return uri.UserInfo.Length > 0 || uri.Fragment.Length > 0 ? WebhookUrlProblem.Credentials : null;
    }
}

/// <summary>Why an address is refused; the API words it in English, the page in the reader's language.</summary>
public enum WebhookUrlProblem
{
    Missing,
    TooLong,
    NotAnAddress,
    NotHttps,
    Credentials,
}
