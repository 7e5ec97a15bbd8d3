namespace FinCloud.Scanner.Inputs;

/// <summary>One file to scan: where it is and what findings call it.</summary>
internal sealed record Source(string DisplayPath, string? LocalPath, Func<Stream>? Open, long Length)
{
    public Stream OpenRead() => LocalPath is not null
        ? new FileStream(LocalPath, new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.ReadWrite, BufferSize = 0, Options = FileOptions.SequentialScan })
        : Open!();

    /// <summary>Expands folders (recursively, sorted, filtered by the globs) into files.</summary>
    public static List<Source> Enumerate(IReadOnlyList<ScanInput> inputs, IReadOnlyList<Glob> include, IReadOnlyList<Glob> exclude, ScanShard? shard = null)
    {
        var sources = new List<Source>();
        foreach (var input in inputs)
        {
            if (shard is not null && !Directory.Exists(input.LocalPath) && !shard.Holds(input.DisplayPath))
            {
                continue;
            }

            if (input.LocalPath is null)
            {
                sources.Add(new Source(input.DisplayPath, null, input.Open, -1));
            }
            else if (Directory.Exists(input.LocalPath))
            {
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.ReparsePoint,
                    IgnoreInaccessible = true,
                    MatchType = MatchType.Simple,
                };
                var files = Directory.EnumerateFiles(input.LocalPath, "*", options)
                    .Select(path => (Path: path, Relative: Path.GetRelativePath(input.LocalPath, path).Replace('\\', '/')))
                    .Where(f => (include.Count == 0 || include.Any(g => g.IsMatch(f.Relative))) && !exclude.Any(g => g.IsMatch(f.Relative)))
                    .Where(f => shard is null || shard.Holds(f.Relative))
                    .OrderBy(f => f.Relative, StringComparer.Ordinal);
                foreach (var (path, relative) in files)
                {
                    sources.Add(new Source(Path.Join(input.DisplayPath, relative), path, null, new FileInfo(path).Length));
                }
            }
            else
            {
                var length = File.Exists(input.LocalPath) ? new FileInfo(input.LocalPath).Length : -1;
                sources.Add(new Source(input.DisplayPath, input.LocalPath, null, length));
            }
        }

        return sources;
    }
}
