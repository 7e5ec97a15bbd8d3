namespace FinCloud.Scanner.Tests.Files;

/// <summary>A folder under the temp path, deleted with its contents on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fincloud-scan-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string relative, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class Scanning
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static async Task<(List<Finding> Findings, ScanSummary Summary)> RunAsync(string path, ScanOptions? options = null)
    {
        var findings = new List<Finding>();
        var summary = await new DataScanner(options ?? new ScanOptions { Today = Today })
            .ScanAsync([ScanInput.FromPath(path)], findings.Add, null, TestContext.Current.CancellationToken);
        return (findings, summary);
    }

    /// <summary>The acceptance key without the path: line, type and value hash.</summary>
    public static HashSet<string> Keys(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.Line}|{f.Type.Name()}|{f.ValueSha256}")];
}
