using FinCloud.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace FinCloud.Web.Api;

/// <summary>
/// Handlers answer a request that clashes with the record's state with <c>Conflict&lt;string&gt;</c>: a code such as
/// <c>quorum-not-met</c> the pages translate, or a ready sentence. Over HTTP the API answers every error as
/// ProblemDetails, so this filter turns that into a 409 problem whose <c>code</c> is the handler's value and whose
/// <c>detail</c> is its translation (<c>Conflict-{code}</c> in the shared strings) or the sentence itself.
/// </summary>
public static class ApiConflicts
{
    public const string Title = "The request conflicts with the record's current state";

    public static RouteGroupBuilder WithConflictProblems(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (Unwrap(result) is not Conflict<string> { Value: { } code })
            {
                return result;
            }

            var strings = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var translated = strings["Conflict-" + code];
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: Title,
                detail: translated.ResourceNotFound ? code : translated.Value,
                extensions: new Dictionary<string, object?> { ["code"] = code });
        });
        return api;
    }

    private static object? Unwrap(object? result) => result is INestedHttpResult nested ? Unwrap(nested.Result) : result;
}
