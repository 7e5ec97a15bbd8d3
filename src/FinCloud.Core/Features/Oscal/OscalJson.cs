using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace FinCloud.Core.Features.Oscal;

/// <summary>OSCAL JSON conventions: kebab-case names, no nulls, name-based UUIDs, OSCAL token ids.</summary>
public static partial class OscalJson
{
    /// <summary>The OSCAL version FinCloud writes; the subset schemas accept 1.1.x.</summary>
    public const string OscalVersion = "1.1.2";

    /// <summary>The namespace of FinCloud's own <c>prop</c> names (OSCAL requires one for names it does not define).</summary>
    public const string Namespace = "urn:fincloud:oscal";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Korean titles stay readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Documents and their parts get Version 5 UUIDs (OSCAL asks for version 4 or 5), derived from stable names: the
    // same rulebook version exports the same uuids, and a uuid never reveals a database id's time.
    private static readonly Guid NamespaceUuid = new("6f1c2d3e-8a4b-5c6d-9e7f-0a1b2c3d4e5f");

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options) + "\n";

    /// <summary>RFC 9562 name-based UUID (SHA-1, version 5) in FinCloud's namespace.</summary>
    public static Guid Uuid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var ns = NamespaceUuid.ToByteArray(bigEndian: true);
        var input = new byte[ns.Length + Encoding.UTF8.GetByteCount(name)];
        ns.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(name, input.AsSpan(ns.Length));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 names; it protects nothing here
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>OSCAL's <c>token</c>: ids and prop names.</summary>
    public static bool IsToken(string value) => TokenPattern().IsMatch(value);

    /// <summary>An id as an OSCAL token: characters a token refuses become '-', a leading digit gets a prefix.</summary>
    public static string ToToken(string value, string prefix)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsToken(value))
        {
            return value;
        }

        var cleaned = NotTokenCharacter().Replace(value.Trim(), "-");
        return IsToken(cleaned) ? cleaned : prefix + cleaned;
    }

    /// <summary>A one-line prop value (OSCAL's <c>string</c>: no surrounding or line-breaking whitespace).</summary>
    public static string Line(string value) => WhiteSpace().Replace(value, " ").Trim();

    public static OscalProperty Prop(string name, string value) => new(name, Line(value), Namespace);

    /// <summary>A JSON pointer (<c>/catalog/groups/0</c>) in the JSONPath form the command line reports (<c>$.catalog.groups[0]</c>).</summary>
    public static string PathOf(string jsonPointer)
    {
        ArgumentNullException.ThrowIfNull(jsonPointer);
        var path = new StringBuilder("$");
        foreach (var segment in jsonPointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var s = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path.Append(s.All(char.IsAsciiDigit) ? $"[{s}]" : $".{s}");
        }

        return path.ToString();
    }

    [GeneratedRegex(@"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"[^\p{L}\p{N}.\-_]")]
    private static partial Regex NotTokenCharacter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
