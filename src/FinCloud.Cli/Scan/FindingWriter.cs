using System.Globalization;
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

    public abstract void Write(Finding finding);

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

    /// <summary><c>{"path","line","column","type","valueSha256","confidence","checksum"}</c> per line, plus <c>value</c> with --reveal.</summary>
    private sealed class JsonLinesWriter(Stream output, bool reveal) : FindingWriter
    {
        private readonly Utf8JsonWriter _json = new(output, JsonOptions);

        public override void Write(Finding finding)
        {
            _json.WriteStartObject();
            _json.WriteString("path", finding.Path);
            _json.WriteNumber("line", finding.Line);
            _json.WriteNumber("column", finding.Column);
            _json.WriteString("type", finding.Type.Name());
            _json.WriteString("valueSha256", finding.ValueSha256);
            _json.WriteString("confidence", finding.Confidence.Name());
            _json.WriteString("checksum", finding.Checksum.Name());
            if (reveal && finding.Value is not null)
            {
                _json.WriteString("value", finding.Value);
            }

            _json.WriteEndObject();
            _json.Flush();
            output.WriteByte((byte)'\n');
            _json.Reset();
        }

        protected override void Dispose(bool disposing)
        {
            _json.Dispose();
            base.Dispose(disposing);
        }
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

        public override void Write(Finding finding)
        {
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

        public override void Write(Finding finding)
        {
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
