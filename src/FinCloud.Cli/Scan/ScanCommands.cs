using System.CommandLine;
using System.Globalization;
using FinCloud.Rules;
using FinCloud.Scanner;

namespace FinCloud.Cli.Scan;

/// <summary><c>fincloud scan</c>: finds 고유식별정보, card and account numbers and contact data in files (README §3).</summary>
public static class ScanCommands
{
    /// <summary>Findings exist (pipelines gate on it).</summary>
    public const int FindingsExitCode = 3;

    public static Command Create() => Create(TimeProvider.System);

    public static Command Create(TimeProvider clock)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files and folders to scan (folders recursively); '-' reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: jsonl (one finding per line), sarif (SARIF 2.1.0) or table",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "sarif", "table");
        var types = new Option<string[]>("--types")
        {
            Description = $"Report only these types (comma-separated): {string.Join(",", ContractNames.AllTypeNames)}",
            AllowMultipleArgumentsPerToken = true,
        };
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = "Exit 3 only for findings of these types and/or at least this confidence (low, medium, high); 'never' always exits 0",
            AllowMultipleArgumentsPerToken = true,
        };
        var maxFindings = new Option<long?>("--max-findings") { Description = "Stop after this many findings" };
        var reveal = new Option<bool>("--reveal") { Description = "Also print each raw value (off by default: hashes only)" };
        var include = new Option<string[]>("--include") { Description = "Glob a file under a folder must match (repeatable)" };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of files under a folder to skip (repeatable)" };
        var encoding = new Option<string>("--encoding")
        {
            Description = "Text encoding: auto (BOM, else UTF-8 when valid, else CP949), utf-8, utf-16le, utf-16be, cp949",
            DefaultValueFactory = _ => "auto",
        };
        encoding.AcceptOnlyFromAmong("auto", "utf-8", "utf-16le", "utf-16be", "cp949", "euc-kr");
        var asOf = new Option<string?>("--as-of") { Description = "The scan day in Korea (YYYY-MM-DD) for birth-date checks; default today (KST)" };
        var stdinName = new Option<string>("--stdin-name")
        {
            Description = "Name reported for standard input ('-'); a .csv/.tsv name turns on header context",
            DefaultValueFactory = _ => "-",
        };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: one per processor)" };
        var noProgress = new Option<bool>("--no-progress") { Description = "No progress line, even on a terminal" };
        var shard = new Option<string?>("--shard")
        {
            Description = "Scan only shard K of N (K from 0 to N-1): N processes given the same paths split the files between them, each file to exactly one",
        };

        var command = new Command("scan", "Find personal, credit and transaction identifiers in files (주민등록번호, 외국인등록번호, 여권, 운전면허, card, account, 사업자등록번호, phone, e-mail)")
        {
            paths, format, types, failOn, maxFindings, reveal, include, exclude, encoding, asOf, stdinName, threads, noProgress, shard,
        };

        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await RunAsync(parse, ct);
            }
            catch (InputErrorException error)
            {
                return InputErrorException.Write(Console.Error, error.Code, error.Message, error.Path);
            }
        });
        return command;

        async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
        {
            var request = new ScanRequest(
                Paths: parse.GetValue(paths) ?? [],
                Format: parse.GetValue(format) ?? "jsonl",
                Types: ParseTypes(parse.GetValue(types)),
                FailOn: FailRule.Parse(parse.GetValue(failOn)),
                MaxFindings: parse.GetValue(maxFindings),
                Reveal: parse.GetValue(reveal),
                Include: parse.GetValue(include) ?? [],
                Exclude: parse.GetValue(exclude) ?? [],
                Encoding: ParseEncoding(parse.GetValue(encoding)),
                Today: ParseDate(parse.GetValue(asOf)) ?? KoreanTime.Today(clock),
                StdinName: parse.GetValue(stdinName) ?? "-",
                Threads: parse.GetValue(threads),
                Progress: !parse.GetValue(noProgress) && !Console.IsErrorRedirected)
            {
                Shard = ParseShard(parse.GetValue(shard)),
            };
            return await ScanRunner.RunAsync(request, Console.OpenStandardOutput, Console.OpenStandardInput, Console.Error, ct);
        }
    }

    private static HashSet<IdentifierType>? ParseTypes(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        var set = new HashSet<IdentifierType>();
        foreach (var name in SplitList(values))
        {
            if (!ContractNames.TryParseType(name, out var type))
            {
                throw new InputErrorException("unknown-type", $"unknown type '{name}'; expected one of {string.Join(", ", ContractNames.AllTypeNames)}", "--types");
            }

            set.Add(type);
        }

        return set;
    }

    internal static IEnumerable<string> SplitList(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static TextEncodingChoice ParseEncoding(string? value) => value switch
    {
        "utf-8" => TextEncodingChoice.Utf8,
        "utf-16le" => TextEncodingChoice.Utf16LittleEndian,
        "utf-16be" => TextEncodingChoice.Utf16BigEndian,
        "cp949" or "euc-kr" => TextEncodingChoice.Cp949,
        _ => TextEncodingChoice.Auto,
    };

    internal static ScanShard? ParseShard(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split('/');
        return parts.Length == 2 &&
               int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) &&
               count >= 1 && index < count
            ? new ScanShard(index, count)
            : throw new InputErrorException("invalid-shard", $"'{value}' is not a shard K/N with 0 <= K < N (e.g. 0/3)", "--shard");
    }

    private static DateOnly? ParseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InputErrorException("invalid-date", $"'{value}' is not a date (YYYY-MM-DD)", "--as-of");
    }
}

/// <summary>Everything <c>fincloud scan</c> was asked to do.</summary>
internal sealed record ScanRequest(
    string[] Paths,
    string Format,
    HashSet<IdentifierType>? Types,
    FailRule FailOn,
    long? MaxFindings,
    bool Reveal,
    string[] Include,
    string[] Exclude,
    TextEncodingChoice Encoding,
    DateOnly Today,
    string StdinName,
    int? Threads,
    bool Progress)
{
    /// <summary>This process's share of the files, when several split one corpus.</summary>
    public ScanShard? Shard { get; init; }
}

/// <summary>When findings make the exit code 3: by type and/or by lowest confidence, or never.</summary>
internal sealed record FailRule(HashSet<IdentifierType>? Types, Confidence MinimumConfidence, bool Never)
{
    public static FailRule Parse(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return new FailRule(null, Confidence.Low, false);
        }

        HashSet<IdentifierType>? types = null;
        var minimum = Confidence.Low;
        var never = false;
        foreach (var item in ScanCommands.SplitList(values))
        {
            if (item is "never" or "none")
            {
                never = true;
            }
            else if (item is "any")
            {
                minimum = Confidence.Low;
            }
            else if (ContractNames.TryParseConfidence(item, out var confidence))
            {
                minimum = confidence;
            }
            else if (ContractNames.TryParseType(item, out var type))
            {
                (types ??= []).Add(type);
            }
            else
            {
                throw new InputErrorException("invalid-fail-on", $"--fail-on takes types ({string.Join(", ", ContractNames.AllTypeNames)}), a confidence (low, medium, high) or 'never'; got '{item}'", "--fail-on");
            }
        }

        return new FailRule(types, minimum, never);
    }

    public bool Fails(IdentifierType type, Confidence confidence) =>
        !Never && confidence >= MinimumConfidence && (Types is null || Types.Contains(type));
}
