using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Core.Features.Oscal;

/// <summary>
/// Rulebook catalogues as OSCAL catalogs: the CSP evaluation items (별표 2의2; groups are the 평가 영역, controls the items)
/// and the network-separation control catalogues (groups are the security areas). And back: an OSCAL catalog of CSP
/// evaluation items becomes a catalogue version, validated completely before anything is kept (docs/oscal.md).
/// </summary>
public static class OscalCatalogs
{
    /// <summary>FinCloud prop names, all in <see cref="OscalJson.Namespace"/>.</summary>
    public static class Props
    {
        public const string CatalogueId = "catalogue-id";
        public const string Regime = "regime";
        public const string Illustrative = "illustrative";
        public const string Citation = "citation";
        public const string Confidence = "confidence";
        public const string EncodingDecision = "encoding-decision";
        public const string CertificateCoverageConfidence = "certificate-coverage-confidence";
        public const string ItemClass = "item-class";
        public const string ItemClassKo = "item-class-ko";
        public const string ItemGroup = "item-group";
        public const string ServiceModel = "service-model";
        public const string CoveredByCertificate = "covered-by-certificate";
        public const string Domain = "domain";
        public const string Route = "route";
        public const string EffectiveFrom = "effective-from";
        public const string EffectiveUntil = "effective-until";
        public const string RequiresFsiPass = "requires-fsi-pass";
        public const string ExcludedData = "excluded-data";
        public const string LegalBasis = "legal-basis";
        public const string HalfYearlyReview = "half-yearly-review";
        public const string Mandatory = "mandatory";
        public const string ConditionCode = "condition-code";
        public const string Area = "area";
        public const string TitleEn = "title-en";

        /// <summary>OSCAL's own <c>label</c> prop (no namespace): the id as the regulation numbers it.</summary>
        public const string Label = "label";
    }

    /// <summary>The catalog ids the export knows: <c>csp/2019</c>, <c>csp/2023</c>, <c>network-separation/saas-standing/2026-04-20</c>…</summary>
    public static IReadOnlyList<string> BundledIds =>
        [.. CspCatalogues.All.Select(c => "csp/" + c.Id), .. ControlCatalogueLibrary.All.Select(c => "network-separation/" + c.Version)];

    /// <summary>A bundled catalogue by its export id, or null.</summary>
    public static OscalCatalogDocument? ExportBundled(string id, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.StartsWith("csp/", StringComparison.Ordinal))
        {
            var csp = CspCatalogues.All.FirstOrDefault(c => c.Id == id["csp/".Length..]);
            return csp is null ? null : FromCsp(csp, lastModified);
        }

        if (id.StartsWith("network-separation/", StringComparison.Ordinal))
        {
            var controls = ControlCatalogueLibrary.ByVersion(id["network-separation/".Length..]);
            return controls is null ? null : FromControls(controls, lastModified);
        }

        return null;
    }

    public static OscalCatalogDocument FromCsp(CspCatalogue catalogue, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var p = catalogue.Provision;
        var metadataProps = new List<OscalProperty>
        {
            OscalJson.Prop(Props.CatalogueId, catalogue.Id),
            OscalJson.Prop(Props.Illustrative, Bool(catalogue.Illustrative)),
            OscalJson.Prop(Props.Citation, p.Citation),
            OscalJson.Prop(Props.Confidence, Code(p.Confidence)),
            OscalJson.Prop(Props.CertificateCoverageConfidence, Code(catalogue.CertificateCoverage.Confidence)),
        };
        metadataProps.InsertRange(1, catalogue.RegimeIds.Select(r => OscalJson.Prop(Props.Regime, r)));
        metadataProps.AddRange((p.EncodingDecisions ?? []).Select(d => OscalJson.Prop(Props.EncodingDecision, d)));
        var groups = catalogue.Items
            .GroupBy(i => i.Domain)
            .Select((g, n) => new OscalGroup(
                g.Key.Length == 0 ? "영역 미지정" : g.Key,
                string.Create(CultureInfo.InvariantCulture, $"domain-{n + 1:00}"),
                Controls: [.. g.Select(Control)]))
            .ToList();
        var metadata = new OscalMetadata(
            catalogue.Title,
            Seconds(lastModified),
            catalogue.Id + (catalogue.Illustrative ? "-illustrative" : string.Empty),
            OscalJson.OscalVersion,
            metadataProps,
            p.SourceUrl is { } url ? [new OscalLink(url, "source", p.Citation)] : null,
            Remarks(p.Note, "인증에 의한 항목 면제: " + catalogue.CertificateCoverage.Note));
        var uuid = OscalJson.Uuid("catalog:csp:" + catalogue.Id + ":" + Hash(JsonSerializer.Serialize(catalogue)));
        return new OscalCatalogDocument(new OscalCatalog(uuid, metadata, groups));
    }

    public static OscalCatalogDocument FromControls(ControlCatalogue catalogue, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var props = new List<OscalProperty>
        {
            OscalJson.Prop(Props.CatalogueId, catalogue.Version),
            OscalJson.Prop(Props.Route, Code(catalogue.Kind)),
            OscalJson.Prop(Props.EffectiveFrom, catalogue.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        if (catalogue.EffectiveUntil is { } until)
        {
            props.Add(OscalJson.Prop(Props.EffectiveUntil, until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        props.Add(OscalJson.Prop(Props.Confidence, Code(catalogue.Confidence)));
        props.Add(OscalJson.Prop(Props.RequiresFsiPass, Bool(catalogue.RequiresFsiPass)));
        props.AddRange(catalogue.ExcludedData.Select(d => OscalJson.Prop(Props.ExcludedData, Code(d))));
        props.AddRange(catalogue.LegalBasis.Select(b => OscalJson.Prop(Props.LegalBasis, b.Citation) with { Remarks = $"confidence {b.Confidence.Tag()}" + (b.Note is { } n ? "; " + n : string.Empty) }));
        if (catalogue.HalfYearlyReview is { } review)
        {
            props.Add(OscalJson.Prop(Props.HalfYearlyReview, review.Citation));
        }

        var links = catalogue.LegalBasis.Concat(catalogue.HalfYearlyReview is { } h ? [h] : [])
            .Where(b => b.SourceUrl is not null)
            .DistinctBy(b => b.SourceUrl)
            .Select(b => new OscalLink(b.SourceUrl!, "source", b.Citation))
            .ToList();
        var byArea = catalogue.Controls.Where(c => c.Area is not null).GroupBy(c => c.Area!.Value).ToList();
        var groups = byArea.Select(g => new OscalGroup(AreaTitle(g.Key), "area-" + Code(g.Key), Controls: [.. g.Select(Control)])).ToList();
        var loose = catalogue.Controls.Where(c => c.Area is null).Select(Control).ToList();
        var metadata = new OscalMetadata(catalogue.TitleKo, Seconds(lastModified), catalogue.Version, OscalJson.OscalVersion, props, links.Count > 0 ? links : null,
            catalogue.Confidence.IsUnverified() ? $"이 통제 목록은 확인되지 않은 근거({catalogue.Confidence.Tag()})에 기대고 있습니다." : null);
        var uuid = OscalJson.Uuid("catalog:network-separation:" + catalogue.Version + ":" + Hash(JsonSerializer.Serialize(catalogue)));
        return new OscalCatalogDocument(new OscalCatalog(uuid, metadata, groups.Count > 0 ? groups : null, loose.Count > 0 ? loose : null));
    }

    /// <summary>
    /// Reads an OSCAL catalog of CSP evaluation items as a version of a bundled catalogue (the one named by
    /// <paramref name="replacingId"/> or by the catalog's <c>catalogue-id</c> prop). Throws <see cref="OscalImportException"/>
    /// listing every problem; returns a catalogue only when the whole document is usable.
    /// </summary>
    public static CspCatalogue ImportCsp(string json, string? replacingId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new OscalImportException("not-json", [new("$", $"Not JSON (line {e.LineNumber + 1}): {e.Message}")]);
        }

        OscalCatalogDocument document;
        using (parsed)
        {
            if (OscalSchemas.KindOf(parsed.RootElement) != OscalModelKind.Catalog)
            {
                throw new OscalImportException("not-a-catalog", [new("$", "The document has no 'catalog' root property; only OSCAL catalogs can be imported.")]);
            }

            var schemaErrors = OscalSchemas.Validate(parsed.RootElement, OscalModelKind.Catalog);
            if (schemaErrors.Count > 0)
            {
                throw new OscalImportException("schema-invalid", schemaErrors);
            }

            document = parsed.RootElement.Deserialize<OscalCatalogDocument>(OscalJson.Options)!;
        }

        var catalog = document.Catalog;
        var id = replacingId ?? Own(catalog.Metadata.Props, Props.CatalogueId).FirstOrDefault();
        var replacing = CspCatalogues.All.FirstOrDefault(c => c.Id == id);
        if (replacing is null)
        {
            throw new OscalImportException("unknown-catalogue", [new("$.catalog.metadata.props",
                $"Name the catalogue this version replaces ({string.Join(", ", CspCatalogues.All.Select(c => c.Id))}) with a '{Props.CatalogueId}' prop in namespace {OscalJson.Namespace}" +
                (id is null ? "." : $"; '{id}' is not one."))]);
        }

        var allowed = replacing.Items.Select(i => i.Class).ToHashSet();
        var errors = new List<OscalSchemaError>();
        var items = new List<CspEvaluationItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Read(OscalControl control, string path, string domain)
        {
            var itemId = control.Props?.FirstOrDefault(p => p.Name == Props.Label)?.Value ?? control.Id;
            if (!seen.Add(itemId))
            {
                errors.Add(new(path + ".id", $"Duplicate item id '{itemId}'."));
            }

            var classes = Own(control.Props, Props.ItemClass).ToList();
            ItemClass? cls = null;
            if (classes.Count != 1)
            {
                errors.Add(new(path + ".props", $"Control '{control.Id}' needs exactly one '{Props.ItemClass}' prop ({string.Join(", ", allowed.Select(Code))})."));
            }
            else if (Parse<ItemClass>(classes[0]) is not { } parsedClass || !allowed.Contains(parsedClass))
            {
                errors.Add(new(path + ".props", $"Control '{control.Id}': item class '{classes[0]}' is not one of catalogue {replacing.Id} ({string.Join(", ", allowed.Select(Code))})."));
            }
            else
            {
                cls = parsedClass;
            }

            var models = new List<ServiceModel>();
            foreach (var m in Own(control.Props, Props.ServiceModel))
            {
                if (Parse<ServiceModel>(m) is { } model)
                {
                    models.Add(model);
                }
                else
                {
                    errors.Add(new(path + ".props", $"Control '{control.Id}': unknown service model '{m}' (iaas, paas, saas)."));
                }
            }

            var schemes = new List<CertificationScheme>();
            foreach (var s in Own(control.Props, Props.CoveredByCertificate))
            {
                if (Parse<CertificationScheme>(s) is { } scheme)
                {
                    schemes.Add(scheme);
                }
                else
                {
                    errors.Add(new(path + ".props", $"Control '{control.Id}': unknown certification scheme '{s}'."));
                }
            }

            var text = control.Parts?.FirstOrDefault(p => p.Name == "statement")?.Prose?.Trim() is { Length: > 0 } prose ? prose : control.Title;
            var illustrative = Own(control.Props, Props.Illustrative).Any(v => v == "true");
            if (cls is { } c)
            {
                items.Add(new CspEvaluationItem(itemId, Own(control.Props, Props.Domain).FirstOrDefault() ?? domain, c,
                    models.Count > 0 ? models : [ServiceModel.Iaas, ServiceModel.Paas, ServiceModel.Saas], schemes, text, illustrative));
            }

            for (var i = 0; i < (control.Controls?.Count ?? 0); i++)
            {
                Read(control.Controls![i], $"{path}.controls[{i}]", domain);
            }
        }

        void ReadGroup(OscalGroup group, string path)
        {
            for (var i = 0; i < (group.Controls?.Count ?? 0); i++)
            {
                Read(group.Controls![i], $"{path}.controls[{i}]", group.Title);
            }

            for (var i = 0; i < (group.Groups?.Count ?? 0); i++)
            {
                ReadGroup(group.Groups![i], $"{path}.groups[{i}]");
            }
        }

        for (var i = 0; i < (catalog.Groups?.Count ?? 0); i++)
        {
            ReadGroup(catalog.Groups![i], $"$.catalog.groups[{i}]");
        }

        for (var i = 0; i < (catalog.Controls?.Count ?? 0); i++)
        {
            Read(catalog.Controls![i], $"$.catalog.controls[{i}]", string.Empty);
        }

        if (errors.Count == 0 && items.Count == 0)
        {
            errors.Add(new("$.catalog", "The catalog has no controls."));
        }

        if (errors.Count > 0)
        {
            throw new OscalImportException("not-a-csp-catalogue", errors);
        }

        var confidence = Own(catalog.Metadata.Props, Props.Confidence).Select(Parse<Confidence>).FirstOrDefault(c => c is not null) ?? replacing.Provision.Confidence;
        return replacing with
        {
            Title = catalog.Metadata.Title,
            Illustrative = items.Any(i => i.Illustrative),
            Items = items,
            Provision = replacing.Provision with
            {
                Confidence = confidence,
                Note = $"OSCAL catalog '{catalog.Metadata.Title}' (version {catalog.Metadata.Version}, uuid {catalog.Uuid})에서 가져온 항목",
            },
        };
    }

    public static string ClassKo(ItemClass c) => c switch
    {
        ItemClass.BasicProtection => "기본보호조치",
        ItemClass.FinancialAdditional => "금융부문 추가보호조치",
        ItemClass.Mandatory => "필수",
        ItemClass.Alternative => "대체",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    /// <summary>The brief's four kinds of item: basic and finance-specific (2019), 필수 and 대체 (2023).</summary>
    private static string GroupOf(ItemClass c) => c switch
    {
        ItemClass.BasicProtection => "basic",
        ItemClass.FinancialAdditional => "finance-specific",
        ItemClass.Mandatory => "mandatory",
        ItemClass.Alternative => "alternative",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    private static OscalControl Control(CspEvaluationItem item)
    {
        var props = new List<OscalProperty>
        {
            new(Props.Label, item.Id),
            OscalJson.Prop(Props.ItemClass, Code(item.Class)),
            OscalJson.Prop(Props.ItemClassKo, ClassKo(item.Class)),
            OscalJson.Prop(Props.ItemGroup, GroupOf(item.Class)),
            OscalJson.Prop(Props.Illustrative, Bool(item.Illustrative)),
        };
        props.AddRange(item.ServiceModels.Select(m => OscalJson.Prop(Props.ServiceModel, Code(m))));
        // Certificates waive only basic (2019) and 대체 (2023) items; the mapping is exported as the rulebook holds it.
        props.AddRange(item.CoveredBy.Select(s => OscalJson.Prop(Props.CoveredByCertificate, Code(s))));
        return new OscalControl(OscalJson.ToToken(item.Id, "item-"), OscalJson.Line(item.Text), props,
            Parts: [new OscalPart("statement", OscalJson.ToToken(item.Id, "item-") + "_smt", Prose: item.Text)]);
    }

    private static OscalControl Control(ControlDefinition c)
    {
        var props = new List<OscalProperty>
        {
            new(Props.Label, c.Id),
            OscalJson.Prop(Props.Mandatory, Bool(c.Mandatory)),
            OscalJson.Prop(Props.Citation, c.Citation),
            OscalJson.Prop(Props.Confidence, Code(c.Confidence)),
            OscalJson.Prop(Props.TitleEn, c.Title),
        };
        if (c.ConditionCode is { } code)
        {
            props.Add(OscalJson.Prop(Props.ConditionCode, code));
        }

        if (c.Area is { } area)
        {
            props.Add(OscalJson.Prop(Props.Area, Code(area)));
        }

        var id = OscalJson.ToToken(c.Id, "c-");
        List<OscalPart> parts = [new("statement", id + "_smt", Prose: c.TitleKo)];
        if (c.Note is { } note)
        {
            parts.Add(new OscalPart("guidance", id + "_gdn", Prose: note));
        }

        return new OscalControl(id, OscalJson.Line(c.TitleKo), props, Parts: parts);
    }

    private static string AreaTitle(SaasSecurityArea area) => area switch
    {
        SaasSecurityArea.InternalTerminal => "내부 단말기",
        SaasSecurityArea.InternalNetworkLink => "내부망↔SaaS 연계",
        SaasSecurityArea.SaasManagement => "SaaS 관리",
        SaasSecurityArea.SaasOperationPolicy => "SaaS 운영정책",
        _ => Code(area),
    };

    private static IEnumerable<string> Own(IReadOnlyList<OscalProperty>? props, string name) =>
        (props ?? []).Where(p => p.Name == name && p.Ns == OscalJson.Namespace).Select(p => p.Value);

    public static string Code<T>(T value) => JsonSerializer.Serialize(value).Trim('"');

    private static T? Parse<T>(string value)
        where T : struct, Enum
    {
        try
        {
            return JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static DateTimeOffset Seconds(DateTimeOffset t) =>
        new DateTimeOffset(t.UtcDateTime.Ticks - (t.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string? Remarks(params string?[] paragraphs) =>
        paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).ToList() is { Count: > 0 } list ? string.Join("\n\n", list) : null;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>An OSCAL document that cannot be imported: a code and every problem found, each with its JSONPath.</summary>
public sealed class OscalImportException(string code, IReadOnlyList<OscalSchemaError> errors)
    : Exception(errors.Count > 0 ? $"{errors[0].Path}: {errors[0].Message}" + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : string.Empty) : code)
{
    public string Code { get; } = code;

    public IReadOnlyList<OscalSchemaError> Errors { get; } = errors;
}
