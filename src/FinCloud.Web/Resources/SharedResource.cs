using System.Globalization;
using System.Resources;

namespace FinCloud.Web.Resources;

/// <summary>
/// Marker for the UI strings: Korean in SharedResource.resx (the neutral culture), English in SharedResource.en.resx.
/// Both are generated from strings.tsv by scripts/resx.py.
/// </summary>
public sealed class SharedResource
{
    private static readonly ResourceManager Strings = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    /// <summary>A UI string in Korean, whatever the request's culture: for exported files, whose headers are Korean too.</summary>
    public static string? Korean(string key) => Strings.GetString(key, CultureInfo.InvariantCulture);
}
