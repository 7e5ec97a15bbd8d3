using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FinCloud.Web.Api;

/// <summary>
/// What the generated OpenAPI document adds for the API's users: the API-key security scheme, each operation's required
/// scope, the example request every body-taking endpoint declares (<see cref="ExampleRequestMetadata"/>), and the
/// ProblemDetails answers every /api operation can give (401, 403 with <c>missingScope</c>, 429; 422 for idempotency on POST; 409 with
/// <c>code</c> where the handler can refuse on the record's state).
/// </summary>
public static class OpenApiConventions
{
    public const string SchemeName = "ApiKey";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "FinCloud API";
            document.Info.Description = "Cloud-use, network-separation, continuity, supervision and exchange data of the caller's organisation. "
                + "Authenticate with an API key (`Authorization: Bearer fc_…`); each operation names the key scope it needs. "
                + "Lists take `page` and `pageSize` (max 200) and answer `X-Total-Count`; POST takes an `Idempotency-Key` header.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "fc_…",
                Description = "An organisation's API key, created on the 관리 page or with POST /api/api-keys, with the scopes it may use. Also accepted in the X-Api-Key header.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var method = context.Description.HttpMethod ?? "GET";
            var endpoint = new RouteEndpoint(_ => Task.CompletedTask,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/" + (context.Description.RelativePath ?? string.Empty).Split('?')[0]),
                0, new EndpointMetadataCollection(metadata), null);
            if (ApiScopes.For(endpoint, method) is { } scope)
            {
                operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : string.Empty) + $"Required API key scope: `{scope}`.";
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions["x-required-scope"] = new JsonNodeExtension(JsonValue.Create(scope));
            }

            if (metadata.OfType<ExampleRequestMetadata>().FirstOrDefault() is { } example && operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values)
                {
                    media.Example = JsonSerializer.SerializeToNode(example.Example, example.Example.GetType(), Json);
                }
            }

            operation.Responses ??= [];
            Problem(operation, "401", "No valid API key.", 401, "Unauthorized", null);
            Problem(operation, "403", "The key's role or scopes do not allow this operation.", 403, "Missing API scope",
                "This API key does not have the scope 'cloud-use:write' this endpoint requires.", ("missingScope", "cloud-use:write"));
            Problem(operation, "429", "Rate limit reached; retry after the Retry-After header.", 429, "Too many requests", null);
            if (operation.Responses.Remove("409"))
            {
                // The handler's Conflict<string> leaves as a problem (ApiConflicts), not as the bare string its type declares.
                Problem(operation, "409", "The request conflicts with the record's current state.", 409, ApiConflicts.Title,
                    "의사정족수에 미달합니다.", ("code", "quorum-not-met"));
            }

            if (HttpMethods.IsPost(method))
            {
                Problem(operation, "422", "The request is invalid, or its Idempotency-Key was used with another request.", 422, "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request in the last 24 hours; use a new key for a new request.");
            }

            return Task.CompletedTask;
        });
    }

    private static void Problem(OpenApiOperation operation, string code, string description, int status, string title, string? detail, params (string Name, string Value)[] extensions)
    {
        if (operation.Responses!.ContainsKey(code))
        {
            return;
        }

        var example = new JsonObject { ["type"] = $"https://tools.ietf.org/html/rfc9110#section-15.5", ["title"] = title, ["status"] = status };
        if (detail is not null)
        {
            example["detail"] = detail;
        }

        foreach (var (name, value) in extensions)
        {
            example[name] = value;
        }

        operation.Responses[code] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Example = example } },
        };
    }
}
