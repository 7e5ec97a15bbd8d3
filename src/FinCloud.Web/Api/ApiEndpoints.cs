using FinCloud.Web.Features.ApiKeys;
using FinCloud.Web.Features.NetworkSeparation;
using FinCloud.Web.Features.Continuity;
using FinCloud.Web.Features.Audit;
using FinCloud.Web.Features.Deadlines;
using FinCloud.Web.Features.Exchange;
using FinCloud.Web.Features.Supervision;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Features.Organizations;
using FinCloud.Web.Features.Oscal;
using FinCloud.Web.Features.Webhooks;
using FinCloud.Web.Security;

namespace FinCloud.Web.Api;

/// <summary>
/// Every API group hangs under <c>/api</c>, authenticated by API keys and scoped to the key's organisation.
/// Add a group here with one line; give each endpoint route parameters or a tenant-isolation declaration.
/// </summary>
public static class ApiEndpoints
{
    public static RouteGroupBuilder MapFinCloudApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization(Policies.Api).WithUniformPaging().WithConflictProblems();
        api.MapOrganizationEndpoints();
        api.MapProvisioningEndpoints();
        api.MapAuditEndpoints();
        api.MapApiKeyEndpoints();
        api.MapCloudUseEndpoints();
        api.MapNetworkSeparationEndpoints();
        api.MapContinuityEndpoints();
        api.MapDeadlineEndpoints();
        api.MapExchangeEndpoints();
        api.MapFsiEvaluationEndpoints();
        api.MapSupervisionEndpoints();
        api.MapOscalEndpoints();
        api.MapWebhookEndpoints();
        return api;
    }
}
