using PdfSharp.Fonts;

namespace FinCloud.Documents;

/// <summary>
/// Finds a Korean TrueType font for PDF reports and gives it to PDFsharp, which embeds the glyphs used.
/// PDFsharp reads TrueType outlines only: the Noto CJK fonts are CFF collections (.ttc) it cannot embed,
/// so we use 나눔고딕 (Debian <c>fonts-nanum</c>) or 맑은 고딕 on Windows.
/// </summary>
public sealed class KoreanFonts : IFontResolver
{
    /// <summary>The family name to ask PDFsharp for.</summary>
    public const string Family = "FinCloud Korean";

    /// <summary>Set to a folder that holds the fonts to look there first.</summary>
    public const string FolderVariable = "FINCLOUD_FONT_DIR";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("NanumGothic.ttf", "NanumGothicBold.ttf"),
        ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf"),
        ("malgun.ttf", "malgunbd.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static KoreanFonts? _installed;

    private readonly byte[] _regular;
    private readonly byte[] _bold;

    private KoreanFonts(string regularPath, string boldPath)
    {
        RegularPath = regularPath;
        BoldPath = boldPath;
        _regular = File.ReadAllBytes(regularPath);
        _bold = File.ReadAllBytes(boldPath);
    }

    public string RegularPath { get; }

    public string BoldPath { get; }

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global) and returns it.</summary>
    public static KoreanFonts Require()
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                return _installed;
            }

            var (regular, bold) = Locate(SearchFolders())
                ?? throw new KoreanFontMissingException(
                    "PDF 보고서에 넣을 한글 글꼴(나눔고딕 NanumGothic.ttf)을 찾지 못했습니다. Debian/Ubuntu에서는 " +
                    "'apt-get install fonts-nanum'으로 설치하거나 " + FolderVariable + "에 글꼴 폴더를 지정하십시오. " +
                    "No Korean TrueType font for PDF reports was found (NanumGothic.ttf in /usr/share/fonts or " +
                    FolderVariable + "): install the Debian package fonts-nanum.");
            _installed = new KoreanFonts(regular, bold);
            GlobalFontSettings.FontResolver = _installed;
            return _installed;
        }
    }

    /// <summary>The first folder, searched recursively, that holds a regular and a bold face of one candidate.</summary>
    public static (string Regular, string Bold)? Locate(IEnumerable<string> folders)
    {
        var existing = folders.Where(Directory.Exists).ToList();
        foreach (var (regular, bold) in Candidates)
        {
            foreach (var folder in existing)
            {
                var r = Find(folder, regular);
                var b = r is null ? null : Find(Path.GetDirectoryName(r)!, bold) ?? Find(folder, bold);
                if (r is not null)
                {
                    return (r, b ?? r);
                }
            }
        }

        return null;
    }

    public static IEnumerable<string> SearchFolders()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
        {
            yield return configured;
        }

        yield return "/usr/share/fonts/truetype/nanum";
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
        {
            yield return Path.Combine(home, ".local", "share", "fonts");
            yield return Path.Combine(home, ".fonts");
        }

        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (windows.Length > 0)
        {
            yield return windows;
        }
    }

    private static string? Find(string folder, string fileName)
    {
        try
        {
            return Directory.EnumerateFiles(folder, fileName, new EnumerationOptions
            {
                RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = true, MaxRecursionDepth = 4,
            }).FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    FontResolverInfo? IFontResolver.ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family resolves to the Korean face: PDFsharp asks for its defaults too, and Hangul must never fall back to boxes.
        new(bold ? "kr-bold" : "kr-regular", mustSimulateBold: false, mustSimulateItalic: italic);

    byte[]? IFontResolver.GetFont(string faceName) => faceName == "kr-bold" ? _bold : _regular;
}

/// <summary>No Korean font is installed; the message names the package to install.</summary>
public sealed class KoreanFontMissingException(string message) : InvalidOperationException(message);
