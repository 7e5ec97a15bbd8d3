using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FinCloud.Scanner;

namespace FinCloud.Cli.Scan;

/// <summary>Writes findings as they come, in one of the output formats.</summary>
internal abstract class FindingWriter : IDisposable
{
    protected static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FindingWriter Create(string format, Stream output, bool reveal) => format switch
    {
        "sarif" => new SarifWriter(output, reveal),
        "table" => new TableWriter(output, reveal),
        _ => new JsonLinesWriter(output, reveal),
    };

    public abstract void Write(in FindingView finding);

    /// <summary>Called once after the scan, with its summary.</summary>
    public virtual void Complete(ScanSummary summary)
    {
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>
    /// <c>{"path","line","column","type","valueSha256","confidence","checksum"}</c> per line, plus <c>value</c> with
    /// --reveal. Written byte by byte into a buffer: on dense data the output is larger than the input.
    /// </summary>
    private sealed class JsonLinesWriter(Stream output, bool reveal) : FindingWriter
    {
        // The fixed text between the variable fields, one piece per type and per confidence and checksum pair:
        // three copies a finding instead of ten.
        private static readonly Piece[] TypeFields =
            [.. Enum.GetValues<IdentifierType>().Select(t => new Piece($",\"type\":\"{t.Name()}\",\"valueSha256\":\""))];

        private static readonly Piece[] Tails =
            [.. Enum.GetValues<Confidence>().SelectMany(c => Enum.GetValues<ChecksumStatus>().Select(k => new Piece($"\",\"confidence\":\"{c.Name()}\",\"checksum\":\"{k.Name()}\"")))];

        private static readonly int Checksums = Enum.GetValues<ChecksumStatus>().Length;

        // Larger than the BufferedStream below it, which then passes each flush straight through instead of copying it.
        private readonly byte[] _buffer = new byte[1 << 20];
        private int _used;
        private string? _path;
        private Piece _pathPrefix = new("");

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public override void Write(in FindingView finding)
        {
            if (!ReferenceEquals(finding.Path, _path))
            {
                _path = finding.Path;
                _pathPrefix = new Piece($"{{\"path\":{JsonSerializer.Serialize(finding.Path, SerializerOptions)},\"line\":");
            }

            var value = reveal && finding.Value is not null ? JsonSerializer.Serialize(finding.Value, SerializerOptions) : null;
            var needed = _pathPrefix.Padded.Length + 256 + (value is null ? 0 : Encoding.UTF8.GetMaxByteCount(value.Length) + 16);
            if (_used + needed > _buffer.Length)
            {
                Flush();
                if (needed > _buffer.Length)
                {
                    WriteSlow(finding, value);
                    return;
                }
            }

            var span = _buffer.AsSpan(_used);
            var n = 0;
            Append(span, ref n, _pathPrefix);
            n += Format(span[n..], finding.Line);
            Append(span, ref n, ",\"column\":"u8);
            n += Format(span[n..], finding.Column);
            Append(span, ref n, TypeFields[(int)finding.Type]);
            n += WriteHex(finding.Sha256, span[n..]);
            Append(span, ref n, Tails[((int)finding.Confidence * Checksums) + (int)finding.Checksum]);
            if (value is not null)
            {
                Append(span, ref n, ",\"value\":"u8);
                n += Encoding.UTF8.GetBytes(value, span[n..]);
            }

            Append(span, ref n, "}\n"u8);
            _used += n;
        }

        /// <summary>
        /// Lowercase hex of the hash straight into the output, 16 bytes per shuffle. Not <c>Convert.TryToHexStringLower</c>:
        /// that generic vector code ran unoptimised (tier 0) for much of a short scan, up to 6 % of a dense CSV scan.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static int WriteHex(ReadOnlySpan<byte> bytes, Span<byte> destination)
        {
            var i = 0;
            if (Ssse3.IsSupported)
            {
                var digits = Vector128.Create("0123456789abcdef"u8);
                var low = Vector128.Create((byte)0x0F);
                for (; i + 16 <= bytes.Length; i += 16)
                {
                    var v = Vector128.Create(bytes.Slice(i, 16));
                    var high = Ssse3.Shuffle(digits, Vector128.ShiftRightLogical(v, 4) & low);
                    var lowDigits = Ssse3.Shuffle(digits, v & low);
                    Sse2.UnpackLow(high, lowDigits).CopyTo(destination.Slice(2 * i, 16));
                    Sse2.UnpackHigh(high, lowDigits).CopyTo(destination.Slice((2 * i) + 16, 16));
                }
            }

            for (; i < bytes.Length; i++)
            {
                destination[2 * i] = "0123456789abcdef"u8[bytes[i] >> 4];
                destination[(2 * i) + 1] = "0123456789abcdef"u8[bytes[i] & 0x0F];
            }

            return bytes.Length * 2;
        }

        private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static void Append(Span<byte> span, ref int n, ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(span[n..]);
            n += bytes.Length;
        }

        /// <summary>Copies the piece 32 bytes at a time (the buffer keeps room past the line for the padding).</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static void Append(Span<byte> span, ref int n, in Piece piece)
        {
            var target = span[n..];
            for (var k = 0; k < piece.Length; k += 32)
            {
                Vector256.Create<byte>(piece.Padded.AsSpan(k, 32)).CopyTo(target[k..]);
            }

            n += piece.Length;
        }

        /// <summary>
        /// A piece of fixed text, padded to a multiple of 32 bytes: copied in whole vectors rather than by a call to
        /// the general copy, which for three short copies a finding cost more than the copying.
        /// </summary>
        private readonly struct Piece
        {
            public Piece(string text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                Padded = new byte[Math.Max(32, (bytes.Length + 31) & ~31)];
                bytes.CopyTo(Padded, 0);
                Length = bytes.Length;
            }

            public byte[] Padded { get; }

            public int Length { get; }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static int Format(Span<byte> span, long number) =>
            System.Buffers.Text.Utf8Formatter.TryFormat(number, span, out var written) ? written : throw new InvalidOperationException("buffer too small");

        private void WriteSlow(in FindingView finding, string? value)
        {
            output.Write(_pathPrefix.Padded, 0, _pathPrefix.Length);
            output.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{finding.Line},\"column\":{finding.Column},\"type\":\"{finding.Type.Name()}\",\"valueSha256\":\"{Convert.ToHexStringLower(finding.Sha256)}\",\"confidence\":\"{finding.Confidence.Name()}\",\"checksum\":\"{finding.Checksum.Name()}\",\"value\":{value}}}\n")));
        }

        private void Flush()
        {
            output.Write(_buffer, 0, _used);
            _used = 0;
        }

        public override void Complete(ScanSummary summary) => Flush();
    }

    /// <summary>A readable table: location, type, confidence, checksum and a masked sample (the value with --reveal).</summary>
    private sealed class TableWriter : FindingWriter
    {
        private readonly StreamWriter _text;
        private readonly bool _reveal;

        public TableWriter(Stream output, bool reveal)
        {
            _reveal = reveal;
            _text = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            _text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"LOCATION",-40} {"TYPE",-15} {"CONFIDENCE",-10} {"CHECKSUM",-8} {(reveal ? "VALUE" : "SAMPLE")}"));
        }

        public override void Write(in FindingView view)
        {
            var finding = view.ToFinding();
            var location = string.Create(CultureInfo.InvariantCulture, $"{finding.Path}:{finding.Line}:{finding.Column}");
            _text.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{location,-40} {finding.Type.Name(),-15} {finding.Confidence.Name(),-10} {finding.Checksum.Name(),-8} {(_reveal ? finding.Value : finding.MaskedValue)}"));
        }

        public override void Complete(ScanSummary summary)
        {
            _text.WriteLine();
            _text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"TYPE",-15} {"FINDINGS",8}"));
            foreach (var (type, count) in summary.FindingsByType.OrderBy(p => p.Key))
            {
                _text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type.Name(),-15} {count,8}"));
            }

            _text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-15} {summary.Findings,8}"));
            _text.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            _text.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>SARIF 2.1.0, streamed: one rule per type, one result per finding, file errors as notifications.</summary>
    private sealed class SarifWriter : FindingWriter
    {
        private static readonly (IdentifierType Type, string Name, string Description)[] Rules =
        [
            (IdentifierType.Rrn, "ResidentRegistrationNumber", "주민등록번호 (resident registration number)"),
            (IdentifierType.ForeignerRn, "ForeignerRegistrationNumber", "외국인등록번호 (foreigner registration number)"),
            (IdentifierType.Card, "PaymentCardNumber", "Payment card number"),
            (IdentifierType.Brn, "BusinessRegistrationNumber", "사업자등록번호 (business registration number)"),
            (IdentifierType.Phone, "PhoneNumber", "Korean telephone number"),
            (IdentifierType.DriverLicense, "DriverLicenseNumber", "운전면허번호 (driver licence number)"),
            (IdentifierType.Passport, "PassportNumber", "여권번호 (passport number)"),
            (IdentifierType.Account, "BankAccountNumber", "Bank account number"),
            (IdentifierType.Email, "EmailAddress", "E-mail address"),
        ];

        private readonly Stream _output;
        private readonly bool _reveal;
        private readonly Utf8JsonWriter _json;

        public SarifWriter(Stream output, bool reveal)
        {
            _output = output;
            _reveal = reveal;
            _json = new Utf8JsonWriter(output, JsonOptions with { Indented = false });
            _json.WriteStartObject();
            _json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            _json.WriteString("version", "2.1.0");
            _json.WriteStartArray("runs");
            _json.WriteStartObject();
            _json.WriteStartObject("tool");
            _json.WriteStartObject("driver");
            _json.WriteString("name", "fincloud-scan");
            _json.WriteString("informationUri", "https://github.com/fincloud/fincloud");
            _json.WriteString("semanticVersion", "1.0.0");
            _json.WriteStartArray("rules");
            foreach (var (type, name, description) in Rules)
            {
                _json.WriteStartObject();
                _json.WriteString("id", type.Name());
                _json.WriteString("name", name);
                _json.WriteStartObject("shortDescription");
                _json.WriteString("text", description);
                _json.WriteEndObject();
                _json.WriteStartObject("defaultConfiguration");
                _json.WriteString("level", "error");
                _json.WriteEndObject();
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.WriteString("columnKind", "unicodeCodePoints");
            _json.WriteStartArray("results");
        }

        public override void Write(in FindingView view)
        {
            var finding = view.ToFinding();
            _json.WriteStartObject();
            _json.WriteString("ruleId", finding.Type.Name());
            _json.WriteNumber("ruleIndex", (int)finding.Type);
            _json.WriteString("level", finding.Confidence switch
            {
                Confidence.High => "error",
                Confidence.Medium => "warning",
                _ => "note",
            });
            _json.WriteStartObject("message");
            _json.WriteString("text", string.Create(CultureInfo.InvariantCulture,
                $"{Rules[(int)finding.Type].Description}: {(_reveal ? finding.Value : finding.MaskedValue)} (confidence {finding.Confidence.Name()}, checksum {finding.Checksum.Name()})"));
            _json.WriteEndObject();
            _json.WriteStartArray("locations");
            _json.WriteStartObject();
            _json.WriteStartObject("physicalLocation");
            _json.WriteStartObject("artifactLocation");
            _json.WriteString("uri", finding.Path);
            _json.WriteEndObject();
            _json.WriteStartObject("region");
            _json.WriteNumber("startLine", finding.Line);
            _json.WriteNumber("startColumn", finding.Column);
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.WriteEndArray();
            _json.WriteStartObject("partialFingerprints");
            _json.WriteString("valueSha256/v1", finding.ValueSha256);
            _json.WriteEndObject();
            _json.WriteStartObject("properties");
            _json.WriteString("valueSha256", finding.ValueSha256);
            _json.WriteString("confidence", finding.Confidence.Name());
            _json.WriteString("checksum", finding.Checksum.Name());
            if (_reveal && finding.Value is not null)
            {
                _json.WriteString("value", finding.Value);
            }

            _json.WriteEndObject();
            _json.WriteEndObject();
            if (_json.BytesPending > 1 << 16)
            {
                _json.Flush();
            }
        }

        public override void Complete(ScanSummary summary)
        {
            _json.WriteEndArray();
            _json.WriteStartArray("invocations");
            _json.WriteStartObject();
            _json.WriteBoolean("executionSuccessful", true);
            _json.WriteStartArray("toolExecutionNotifications");
            foreach (var file in summary.Errors)
            {
                _json.WriteStartObject();
                _json.WriteString("level", "error");
                _json.WriteStartObject("message");
                _json.WriteString("text", file.Error);
                _json.WriteEndObject();
                _json.WriteStartArray("locations");
                _json.WriteStartObject();
                _json.WriteStartObject("physicalLocation");
                _json.WriteStartObject("artifactLocation");
                _json.WriteString("uri", file.Path);
                _json.WriteEndObject();
                _json.WriteEndObject();
                _json.WriteEndObject();
                _json.WriteEndArray();
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.Flush();
            _output.WriteByte((byte)'\n');
        }

        protected override void Dispose(bool disposing)
        {
            _json.Dispose();
            base.Dispose(disposing);
        }
    }
}
