using System.Text.Json;

namespace FinCloud.Core.Features.Exchange;

public static class BundleRejectionCodes
{
    /// <summary>The stable code of a reason (<c>unsigned</c>, <c>tampered</c>, <c>replayed</c>…), as JSON writes it.</summary>
    public static string Code(BundleRejection reason) => JsonSerializer.Serialize(reason, ExchangeBundle.Json).Trim('"');
}
