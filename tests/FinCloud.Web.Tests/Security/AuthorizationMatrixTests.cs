using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Api;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Security;

/// <summary>
/// Every endpoint of the app × every role (and anonymous), checked against the access declared for it below.
/// API endpoints are called with an API key of the role, pages and files with a signed-in user holding only that role.
/// An endpoint missing from <see cref="AccessPolicy.Declared"/> fails the test: declare who may call it.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Anonymous first, then the least privileged: forbidden calls change nothing before allowed ones run.</summary>
    private static readonly OrganizationRole?[] Callers =
        [null, OrganizationRole.Auditor, OrganizationRole.CommitteeMember, OrganizationRole.Officer, OrganizationRole.Ciso, OrganizationRole.Administrator];

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_its_declared_access_says()
    {
        await using var app = await FinCloudApp.StartAsync(Databases.Sqlite);
        var org = await app.CreateOrganizationAsync();
        var values = await RouteValuesAsync(app, org);
        var password = "Aa1!" + Guid.NewGuid().ToString("N");
        var clients = new Dictionary<(OrganizationRole? Role, bool Api), HttpClient>();
        foreach (var role in Callers)
        {
            if (role is { } r)
            {
                clients[(r, true)] = app.ApiClient((await app.CreateApiKeyAsync(org, r)).Secret);
                var browser = app.Browser();
                var email = await CreateUserAsync(app, org, r, password);
                (await browser.SignInAsync(email, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in as {r}");
                clients[(r, false)] = browser;
            }
            else
            {
                clients[(null, true)] = app.Browser();
                clients[(null, false)] = app.Browser();
            }
        }

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !AccessPolicy.IsFramework(e)).ToList();
        var problems = new List<string>();
        var probes = 0;
        foreach (var caller in Callers)
        {
            foreach (var endpoint in endpoints)
            {
                foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    var key = AccessPolicy.Key(method, endpoint);
                    if (!AccessPolicy.Declared.TryGetValue(key, out var access))
                    {
                        if (caller is null)
                        {
                            problems.Add($"{key}: no declared access; add it to AccessPolicy.Declared");
                        }

                        continue;
                    }

                    if (AccessPolicy.Fill(endpoint, values) is not { } path)
                    {
                        problems.Add($"{key}: no sample value for a route parameter");
                        continue;
                    }

                    var api = Api.CrossTenantPlan.IsApi(endpoint);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (endpoint.Metadata.GetMetadata<ExampleRequestMetadata>()?.Example is { } body)
                    {
                        request.Content = JsonContent.Create(body, body.GetType(), options: FinCloudApp.Json);
                    }

                    HttpResponseMessage response;
                    try
                    {
                        response = await clients[(caller, api)].SendAsync(request, Ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        problems.Add($"{key} as {caller?.ToString() ?? "anonymous"}: the server failed ({e.GetType().Name}: {e.Message})");
                        continue;
                    }

                    using var _ = response;
                    probes++;
                    var outcome = Outcome(response);
                    var expected = access.Expected(caller);
                    if (outcome != expected)
                    {
                        problems.Add($"{key} as {caller?.ToString() ?? "anonymous"}: {outcome} ({(int)response.StatusCode} {response.Headers.Location}) but declared {access.Name} means {expected}");
                    }
                }
            }
        }

        problems.ShouldBeEmpty();
        probes.ShouldBeGreaterThan(Callers.Length * 40);
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    /// <summary>The API answers 401/403; pages redirect to sign-in or to the access-denied page.</summary>
    internal static string Outcome(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "unauthenticated",
            HttpStatusCode.Forbidden => "forbidden",
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/account/login", StringComparison.Ordinal) => "unauthenticated",
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/account/access-denied", StringComparison.Ordinal) => "forbidden",
            _ => "allowed",
        };
    }

    private static async Task<string> CreateUserAsync(FinCloudApp app, Guid org, OrganizationRole role, string password) =>
        (await app.CreateMemberAsync(org, role, password, role.ToString())).Email;

    /// <summary>Records of the caller's own organisation for every route parameter, so allowed calls reach their handler.</summary>
    private static async Task<Dictionary<string, string>> RouteValuesAsync(FinCloudApp app, Guid org)
    {
        var values = (await CloudUse.CloudUseResources.OfAsync(app, org)).ToDictionary(p => p.Key, p => p.Value.ToString());
        var separation = await NetworkSeparation.SeparationRecords.CreateForAsync(app, org);
        values["exemptionId"] = separation.ExemptionId.ToString();
        values["dataSetId"] = separation.DataSetId.ToString();
        values["findingId"] = separation.FindingId.ToString();
        // A spare key: revoking it must not revoke the caller's own.
        values["apiKeyId"] = (await app.CreateApiKeyAsync(org, OrganizationRole.Auditor)).Id.ToString();
        values["eventId"] = (await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Id).FirstAsync(), org)).ToString();
        foreach (var (name, id) in (await Continuity.ContinuityRecords.ResourcesOfAsync(app, org)).Concat(await Exchange.ExchangeResources.OfAsync(app, org))
                     .Concat(await Webhooks.WebhookResources.OfAsync(app, org)))
        {
            values[name] = id.ToString();
        }

        values["jobId"] = (await app.WithDbAsync(async db =>
        {
            var job = Core.Features.Scanning.ScanJob.Queue(Core.Features.Scanning.ScanSourceKind.ServerPath, "/srv/exports", null, null, db.Clock.GetUtcNow());
            db.ScanJobs.Add(job);
            await db.SaveChangesAsync(Ct);
            return job.Id;
        }, org)).ToString();
        values["chart"] = "rto";
        values["Id"] = values["exemptionId"];
        values["slug"] = "security-measures";
        values["culture"] = "en";
        values["token"] = "not-a-real-token";
        // A spare member and an invitation of the caller's organisation: removing them must not touch the caller.
        values["userId"] = (await app.CreateMemberAsync(org, OrganizationRole.Officer, "Aa1!" + Guid.NewGuid().ToString("N"))).Id.ToString();
        values["invitationId"] = (await Account.MemberManagementTests.InvitationAsync(app, org)).ToString();
        values["documentName"] = "v1";
        values["provisionedAccountId"] = (await Account.ProvisioningTests.ProvisionedAsync(app, org)).ToString();
        return values;
    }
}

/// <summary>Who may call an endpoint.</summary>
public sealed record Access(string Name, IReadOnlySet<OrganizationRole>? Roles, string? Always = null)
{
    private static readonly OrganizationRole[] Everyone =
        [OrganizationRole.Officer, OrganizationRole.Ciso, OrganizationRole.CommitteeMember, OrganizationRole.Auditor, OrganizationRole.Administrator];

    /// <summary>Anyone, signed in or not.</summary>
    public static readonly Access Public = new(nameof(Public), null);

    /// <summary>Any member of the organisation, auditors included (reads).</summary>
    public static readonly Access Member = new(nameof(Member), Everyone.ToHashSet());

    /// <summary>Every role but the auditor (changes).</summary>
    public static readonly Access Editor = new(nameof(Editor), Everyone.Where(r => r != OrganizationRole.Auditor).ToHashSet());

    public static readonly Access Administrator = new(nameof(Administrator), new HashSet<OrganizationRole> { OrganizationRole.Administrator });

    /// <summary>The FSS's supervisory views: no role of the institution this matrix signs in to (OrganizationKindAccessTests covers the FSS).</summary>
    public static readonly Access Supervisor = new(nameof(Supervisor), new HashSet<OrganizationRole>());

    /// <summary>A step of signing in that only follows a password sign-in; anyone else is sent back to sign in.</summary>
    public static readonly Access SignInStep = new(nameof(SignInStep), null, "unauthenticated");

    public bool Allows(OrganizationRole? caller) => Roles is null || (caller is { } r && Roles.Contains(r));

    public string Expected(OrganizationRole? caller) =>
        Always ?? (Allows(caller) ? "allowed" : caller is null ? "unauthenticated" : "forbidden");
}

public static partial class AccessPolicy
{
    [GeneratedRegex("\\{\\*?\\*?([A-Za-z]+)(:[^}?]*)?(\\?)?\\}")]
    private static partial Regex Parameter();

    public static string Key(string method, RouteEndpoint endpoint) => method + " /" + endpoint.RoutePattern.RawText!.TrimStart('/');

    /// <summary>Framework plumbing rather than our endpoints: static files, the Blazor hub and its scripts.</summary>
    public static bool IsFramework(RouteEndpoint endpoint)
    {
        var raw = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
        return raw.StartsWith("_framework", StringComparison.Ordinal) || raw.StartsWith("_blazor", StringComparison.Ordinal)
            || raw.StartsWith("_content", StringComparison.Ordinal) || raw.Contains(":file}", StringComparison.Ordinal) || endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");
    }

    public static string? Fill(RouteEndpoint endpoint, IReadOnlyDictionary<string, string> values)
    {
        var missing = false;
        var path = Parameter().Replace("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), m =>
        {
            if (values.TryGetValue(m.Groups[1].Value, out var v) || values.TryGetValue(char.ToLowerInvariant(m.Groups[1].Value[0]) + m.Groups[1].Value[1..], out v))
            {
                return v;
            }

            missing |= m.Groups[3].Length == 0;
            return "";
        });
        return missing ? null : path;
    }

    /// <summary>The declared access of every endpoint, by method and route pattern.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Declared = new Dictionary<string, Access>
    {
        ["DELETE /api/api-keys/{apiKeyId:guid}"] = Access.Administrator,
        ["DELETE /api/cloud-use/cases/{caseId:guid}/csp-inquiries/{inquiryId:guid}"] = Access.Editor,
        ["DELETE /api/webhooks/{webhookId:guid}"] = Access.Administrator,
        ["DELETE /api/continuity/dependencies/{dependencyId:guid}"] = Access.Editor,
        ["DELETE /api/exchange/trusted-issuers/{trustedIssuerId:guid}"] = Access.Administrator,
        ["GET /"] = Access.Member,
        ["GET /account/access-denied"] = Access.Public,
        ["GET /account/lockout"] = Access.Public,
        ["GET /account/login"] = Access.Public,
        ["GET /account/login-2fa"] = Access.SignInStep,
        ["GET /account/login-recovery"] = Access.SignInStep,
        ["GET /account/sso/callback"] = Access.SignInStep,
        ["GET /account/two-factor"] = Access.Member,
        ["GET /admin"] = Access.Member,
        ["GET /admin/audit"] = Access.Member,
        ["GET /admin/webhooks"] = Access.Administrator,
        ["GET /admin/audit/export.xlsx"] = Access.Member,
        ["GET /api-reference/favicon.svg"] = Access.Public,
        ["GET /api-reference/scalar.aspnetcore.js"] = Access.Public,
        ["GET /api-reference/scalar.js"] = Access.Public,
        ["GET /api-reference/{documentName?}"] = Access.Public,
        ["GET /api/api-keys/"] = Access.Administrator,
        ["GET /api/webhooks/"] = Access.Administrator,
        ["GET /api/webhooks/areas"] = Access.Administrator,
        ["GET /api/webhooks/{webhookId:guid}"] = Access.Administrator,
        ["GET /api/webhooks/{webhookId:guid}/deliveries"] = Access.Administrator,
        ["GET /api/audit/events"] = Access.Member,
        ["GET /api/supervision/submissions/{submissionId:guid}/package"] = Access.Member,
        ["GET /api/audit/events/{eventId:guid}"] = Access.Member,
        ["GET /api/cloud-use/cases"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/csp-evaluation"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/diff"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/evidence"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/csp-inquiries"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/evidence/{evidenceId:guid}/content"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/forms/business-continuity-plan"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/forms/importance-assessment"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/forms/security-measures"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/report-packages"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/report-packages/{packageId:guid}/content"] = Access.Member,
        ["GET /api/cloud-use/committee/"] = Access.Member,
        ["GET /api/cloud-use/committee/meetings/{meetingId:guid}/minutes"] = Access.Member,
        ["GET /api/cloud-use/csp/providers"] = Access.Member,
        ["GET /api/continuity/assets"] = Access.Member,
        ["GET /api/continuity/drills"] = Access.Member,
        ["GET /api/continuity/incidents"] = Access.Member,
        ["GET /api/continuity/incidents/{incidentId:guid}"] = Access.Member,
        ["GET /api/continuity/insurance"] = Access.Member,
        ["GET /api/continuity/joint-drills"] = Access.Member,
        ["GET /api/continuity/joint-drills/{jointDrillId:guid}"] = Access.Member,
        ["GET /api/continuity/processes"] = Access.Member,
        ["GET /api/continuity/procedures"] = Access.Member,
        ["GET /api/continuity/procedures/{procedureId:guid}"] = Access.Member,
        ["GET /api/continuity/roles"] = Access.Member,
        ["GET /api/continuity/roles/{roleId:guid}"] = Access.Member,
        ["GET /api/continuity/rules/ceilings"] = Access.Member,
        ["GET /api/continuity/status"] = Access.Member,
        ["GET /api/continuity/third-parties"] = Access.Member,
        ["GET /api/deadlines/"] = Access.Member,
        ["GET /api/exchange/imports"] = Access.Member,
        ["GET /api/exchange/signing-key"] = Access.Administrator,
        ["GET /api/exchange/trusted-issuers"] = Access.Member,
        ["GET /api/fsi/evaluations"] = Access.Member,
        ["GET /api/api-keys/scopes"] = Access.Administrator,
        ["GET /api/oscal/catalogs"] = Access.Member,
        ["GET /api/oscal/catalog"] = Access.Member,
        ["GET /api/oscal/catalog-imports"] = Access.Member,
        ["GET /api/oscal/catalog-imports/{importId:guid}"] = Access.Member,
        ["GET /api/cloud-use/cases/{caseId:guid}/oscal/assessment-results"] = Access.Member,
        ["GET /api/fsi/results"] = Access.Member,
        ["GET /api/fsi/warnings"] = Access.Member,
        ["GET /api/organization/"] = Access.Member,
        ["GET /api/organization/members"] = Access.Member,
        ["GET /api/organization/sso/"] = Access.Administrator,
        ["GET /admin/members.xlsx"] = Access.Member,
        ["GET /api/scim/v2/ServiceProviderConfig"] = Access.Administrator,
        ["GET /api/scim/v2/ResourceTypes"] = Access.Administrator,
        ["GET /api/scim/v2/Users/"] = Access.Administrator,
        ["POST /api/scim/v2/Users/"] = Access.Administrator,
        ["GET /api/scim/v2/Users/{provisionedAccountId:guid}"] = Access.Administrator,
        ["PUT /api/scim/v2/Users/{provisionedAccountId:guid}"] = Access.Administrator,
        ["PATCH /api/scim/v2/Users/{provisionedAccountId:guid}"] = Access.Administrator,
        ["DELETE /api/scim/v2/Users/{provisionedAccountId:guid}"] = Access.Administrator,
        ["GET /api/organization/invitations/"] = Access.Administrator,
        ["GET /account/invitation/{token}"] = Access.Public,
        ["GET /account/password"] = Access.Member,
        ["GET /account/forgot-password"] = Access.Public,
        ["GET /account/reset-password"] = Access.Public,
        ["GET /api/separation/catalogues"] = Access.Member,
        ["GET /api/separation/designations"] = Access.Member,
        ["GET /api/separation/exemptions"] = Access.Member,
        ["GET /api/separation/exemptions/{exemptionId:guid}"] = Access.Member,
        ["GET /api/separation/reviews"] = Access.Member,
        ["GET /api/separation/supervision"] = Access.Member,
        ["GET /api/separation/supervision/{exemptionId:guid}"] = Access.Member,
        ["GET /api/supervision/requests"] = Access.Member,
        ["GET /api/supervision/submissions"] = Access.Member,
        ["GET /api/supervision/submissions/{submissionId:guid}"] = Access.Member,
        ["GET /calendar/{token}.ics"] = Access.Public,
        ["GET /csp-response/{token}"] = Access.Public,
        ["GET /cloud-use"] = Access.Member,
        ["GET /cloud-use/cases/{CaseId:guid}"] = Access.Member,
        ["GET /cloud-use/cases/{CaseId:guid}/csp-evaluation"] = Access.Member,
        ["GET /cloud-use/cases/{CaseId:guid}/forms/{Slug}"] = Access.Member,
        ["GET /cloud-use/committee"] = Access.Member,
        ["GET /cloud-use/export.xlsx"] = Access.Member,
        ["GET /cloud-use/files/minutes/{meetingId:guid}"] = Access.Member,
        ["GET /cloud-use/files/{caseId:guid}/evidence/{evidenceId:guid}"] = Access.Member,
        ["GET /cloud-use/files/{caseId:guid}/packages/{packageId:guid}"] = Access.Member,
        ["GET /cloud-use/new"] = Access.Editor,
        ["GET /cloud-use/registry"] = Access.Member,
        ["GET /continuity"] = Access.Member,
        ["GET /continuity/bia"] = Access.Member,
        ["GET /continuity/dr"] = Access.Member,
        ["GET /continuity/drills"] = Access.Member,
        ["GET /continuity/drills/{DrillId:guid}"] = Access.Member,
        ["GET /continuity/export/bia.pdf"] = Access.Member,
        ["GET /continuity/export/bia.xlsx"] = Access.Member,
        ["GET /continuity/export/charts/{chart}.png"] = Access.Member,
        ["GET /continuity/export/charts/{chart}.svg"] = Access.Member,
        ["GET /continuity/export/drills.pdf"] = Access.Member,
        ["GET /continuity/export/drills.xlsx"] = Access.Member,
        ["GET /continuity/export/outsourcing.xlsx"] = Access.Member,
        ["GET /continuity/incidents"] = Access.Member,
        ["GET /continuity/incidents/{IncidentId:guid}"] = Access.Member,
        ["GET /continuity/insurance"] = Access.Member,
        ["GET /continuity/assets"] = Access.Member,
        ["GET /continuity/assets/new"] = Access.Member,
        ["GET /continuity/assets/{AssetId:guid}"] = Access.Member,
        ["GET /continuity/processes"] = Access.Member,
        ["GET /continuity/processes/new"] = Access.Member,
        ["GET /continuity/processes/{ProcessId:guid}"] = Access.Member,
        ["GET /continuity/joint-drill-participations/{ParticipationId:guid}"] = Access.Member,
        ["GET /continuity/joint-drills"] = Access.Member,
        ["GET /continuity/joint-drills/{JointDrillId:guid}"] = Access.Supervisor,
        ["GET /continuity/plan"] = Access.Member,
        ["GET /continuity/third-parties"] = Access.Member,
        ["GET /csp-evaluations"] = Access.Member,
        ["GET /culture/{culture}"] = Access.Public,
        ["GET /deadlines"] = Access.Member,
        ["GET /error"] = Access.Public,
        ["GET /exchange"] = Access.Member,
        ["GET /health"] = Access.Public,
        ["GET /not-found"] = Access.Public,
        ["GET /openapi/{documentName}.json"] = Access.Public,
        ["GET /reports"] = Access.Member,
        ["GET /reports/{SubmissionId:guid}"] = Access.Member,
        ["GET /scans"] = Access.Member,
        ["GET /scans/{JobId:guid}"] = Access.Member,
        ["GET /separation-designations"] = Access.Member,
        ["GET /separation-exemptions"] = Access.Member,
        ["GET /separation-exemptions/{Id:guid}"] = Access.Member,
        ["GET /supervision/sector-risk"] = Access.Supervisor,
        ["GET /rules/decisions"] = Access.Member,
        ["GET /reports/files/{submissionId:guid}/package"] = Access.Supervisor,
        ["GET /supervision/separation-exemptions"] = Access.Supervisor,
        ["GET /supervision/separation-exemptions/{Id:guid}"] = Access.Supervisor,
        ["GET /supervision/separation-exemptions/export.xlsx"] = Access.Supervisor,
        ["GET /{**path:file}"] = Access.Public,
        ["PATCH /api/cloud-use/cases/{caseId:guid}/tasks/{taskId:guid}"] = Access.Editor,
        ["POST /"] = Access.Member,
        ["POST /account/access-denied"] = Access.Public,
        ["POST /account/lockout"] = Access.Public,
        ["POST /account/login"] = Access.Public,
        ["POST /csp-response/{token}"] = Access.Public,
        ["POST /account/login-2fa"] = Access.Public,
        ["POST /account/login-recovery"] = Access.Public,
        ["POST /account/logout"] = Access.Public,
        ["POST /account/two-factor"] = Access.Member,
        ["POST /admin"] = Access.Member,
        ["POST /admin/audit"] = Access.Member,
        ["POST /admin/webhooks"] = Access.Administrator,
        ["POST /api/api-keys/"] = Access.Administrator,
        ["POST /api/organization/invitations/"] = Access.Administrator,
        ["DELETE /api/organization/invitations/{invitationId:guid}"] = Access.Administrator,
        ["POST /api/organization/invitations/{invitationId:guid}/resend"] = Access.Administrator,
        ["PUT /api/organization/members/{userId:guid}/roles"] = Access.Administrator,
        ["PUT /api/organization/sso/"] = Access.Administrator,
        ["DELETE /api/organization/members/{userId:guid}"] = Access.Administrator,
        ["POST /account/invitation/{token}"] = Access.Public,
        ["POST /account/password"] = Access.Member,
        ["POST /account/forgot-password"] = Access.Public,
        ["POST /account/reset-password"] = Access.Public,
        ["POST /api/webhooks/"] = Access.Administrator,
        ["POST /api/webhooks/{webhookId:guid}/secret"] = Access.Administrator,
        ["POST /api/webhooks/{webhookId:guid}/test"] = Access.Administrator,
        ["POST /api/webhooks/{webhookId:guid}/deliveries/{deliveryId:guid}/retry"] = Access.Administrator,
        ["PUT /api/webhooks/{webhookId:guid}"] = Access.Administrator,
        ["POST /api/audit/verify"] = Access.Administrator,
        ["POST /api/cloud-use/cases/{caseId:guid}/events"] = Access.Editor,
        ["POST /api/cloud-use/cases/{caseId:guid}/evidence"] = Access.Editor,
        ["POST /api/cloud-use/cases/{caseId:guid}/csp-inquiries"] = Access.Editor,
        ["POST /api/cloud-use/cases/{caseId:guid}/evidence/{evidenceId:guid}/review"] = Access.Editor,
        ["POST /api/cloud-use/cases/{caseId:guid}/report-packages"] = Access.Editor,
        ["POST /api/cloud-use/cases/{caseId:guid}/report-packages/{packageId:guid}/submission"] = Access.Editor,
        ["POST /api/cloud-use/cases/{caseId:guid}/tasks/{taskId:guid}/comments"] = Access.Editor,
        ["POST /api/cloud-use/committee/agenda/{agendaItemId:guid}/resolution"] = Access.Editor,
        ["POST /api/cloud-use/committee/agenda/{agendaItemId:guid}/votes"] = Access.Editor,
        ["POST /api/cloud-use/committee/meetings"] = Access.Editor,
        ["POST /api/cloud-use/committee/meetings/{meetingId:guid}/agenda/cases/{caseId:guid}"] = Access.Editor,
        ["POST /api/cloud-use/committee/members/{userId:guid}"] = Access.Editor,
        ["POST /api/cloud-use/csp/providers"] = Access.Editor,
        ["POST /api/cloud-use/csp/providers/{providerId:guid}/certificates"] = Access.Editor,
        ["POST /api/cloud-use/csp/providers/{providerId:guid}/services"] = Access.Editor,
        ["POST /api/cloud-use/csp/services/{serviceId:guid}/evaluations"] = Access.Editor,
        ["POST /api/cloud-use/services/{serviceId:guid}/cases"] = Access.Editor,
        ["POST /api/continuity/assets"] = Access.Editor,
        ["POST /api/continuity/assets/{assetId:guid}/dependencies"] = Access.Editor,
        ["POST /api/continuity/drills"] = Access.Editor,
        ["POST /api/continuity/drills/{drillId:guid}/execution"] = Access.Editor,
        ["POST /api/continuity/incidents"] = Access.Editor,
        ["POST /api/continuity/incidents/{incidentId:guid}/reports"] = Access.Editor,
        ["POST /api/continuity/incidents/{incidentId:guid}/stage"] = Access.Editor,
        ["POST /api/continuity/joint-drill-participations/{participationId:guid}/result"] = Access.Editor,
        ["POST /api/continuity/joint-drill-participations/{participationId:guid}/submit"] = Access.Editor,
        ["POST /api/continuity/joint-drills"] = Access.Editor,
        ["POST /api/continuity/joint-drills/{jointDrillId:guid}/close"] = Access.Editor,
        ["POST /api/continuity/policies"] = Access.Editor,
        ["POST /api/continuity/processes"] = Access.Editor,
        ["POST /api/continuity/procedures"] = Access.Editor,
        ["POST /api/continuity/procedures/{procedureId:guid}/review"] = Access.Editor,
        ["POST /api/continuity/procedures/{procedureId:guid}/versions"] = Access.Editor,
        ["POST /api/continuity/roles"] = Access.Editor,
        ["POST /api/continuity/processes/{processId:guid}/dependencies"] = Access.Editor,
        ["POST /api/continuity/remediation-tasks/{remediationTaskId:guid}/complete"] = Access.Editor,
        ["POST /api/exchange/imports"] = Access.Editor,
        ["POST /api/exchange/report-packages/{packageId:guid}/bundle"] = Access.Editor,
        ["POST /api/exchange/signing-key/rotation"] = Access.Administrator,
        ["POST /api/exchange/trusted-issuers"] = Access.Administrator,
        ["POST /api/fsi/evaluations"] = Access.Editor,
        ["POST /api/oscal/catalog-imports"] = Access.Editor,
        ["POST /api/fsi/evaluations/{publicationId:guid}/bundle"] = Access.Editor,
        ["POST /api/fsi/evaluations/{publicationId:guid}/items"] = Access.Editor,
        ["POST /api/fsi/evaluations/{publicationId:guid}/publication"] = Access.Editor,
        ["POST /api/fsi/results/{receivedEvaluationId:guid}/reuse"] = Access.Editor,
        ["POST /api/separation/data-sets/{dataSetId:guid}/approve"] = Access.Editor,
        ["POST /api/separation/data-sets/{dataSetId:guid}/scans"] = Access.Editor,
        ["POST /api/separation/exemptions"] = Access.Editor,
        ["POST /api/separation/exemptions/{exemptionId:guid}/activate"] = Access.Editor,
        ["POST /api/separation/exemptions/{exemptionId:guid}/assessments"] = Access.Editor,
        ["POST /api/separation/exemptions/{exemptionId:guid}/data-sets"] = Access.Editor,
        ["POST /api/separation/exemptions/{exemptionId:guid}/evaluations"] = Access.Editor,
        ["POST /api/separation/exemptions/{exemptionId:guid}/extend"] = Access.Editor,
        ["POST /api/separation/exemptions/{exemptionId:guid}/reviews"] = Access.Editor,
        ["POST /api/separation/exemptions/{exemptionId:guid}/reviews/assign"] = Access.Editor,
        ["POST /api/separation/exemptions/{exemptionId:guid}/share"] = Access.Editor,
        ["POST /api/separation/findings/{findingId:guid}/resolve"] = Access.Editor,
        ["POST /api/supervision/submissions/{submissionId:guid}/status"] = Access.Editor,
        ["POST /api/supervision/submissions/{submissionId:guid}/supplementation"] = Access.Editor,
        ["POST /api/supervision/submissions/{submissionId:guid}/supplementation-bundle"] = Access.Editor,
        ["POST /cloud-use"] = Access.Member,
        ["POST /cloud-use/cases/{CaseId:guid}"] = Access.Member,
        ["POST /cloud-use/cases/{CaseId:guid}/csp-evaluation"] = Access.Member,
        ["POST /cloud-use/cases/{CaseId:guid}/forms/{Slug}"] = Access.Member,
        ["POST /cloud-use/committee"] = Access.Member,
        ["POST /cloud-use/new"] = Access.Editor,
        ["POST /cloud-use/registry"] = Access.Member,
        ["POST /continuity"] = Access.Member,
        ["POST /continuity/assets"] = Access.Member,
        ["POST /continuity/assets/new"] = Access.Member,
        ["POST /continuity/assets/{AssetId:guid}"] = Access.Member,
        ["POST /continuity/processes"] = Access.Member,
        ["POST /continuity/processes/new"] = Access.Member,
        ["POST /continuity/processes/{ProcessId:guid}"] = Access.Member,
        ["POST /continuity/joint-drill-participations/{ParticipationId:guid}"] = Access.Member,
        ["POST /continuity/joint-drills"] = Access.Member,
        ["POST /continuity/joint-drills/{JointDrillId:guid}"] = Access.Supervisor,
        ["POST /continuity/bia"] = Access.Member,
        ["POST /continuity/dr"] = Access.Member,
        ["POST /continuity/drills"] = Access.Member,
        ["POST /continuity/drills/{DrillId:guid}"] = Access.Member,
        ["POST /continuity/incidents"] = Access.Member,
        ["POST /continuity/incidents/{IncidentId:guid}"] = Access.Member,
        ["POST /continuity/insurance"] = Access.Member,
        ["POST /continuity/plan"] = Access.Member,
        ["POST /continuity/third-parties"] = Access.Member,
        ["POST /csp-evaluations"] = Access.Member,
        ["POST /deadlines"] = Access.Member,
        ["POST /error"] = Access.Public,
        ["POST /exchange/files/report-packages/{packageId:guid}/bundle"] = Access.Editor,
        ["POST /exchange"] = Access.Member,
        ["POST /not-found"] = Access.Public,
        ["POST /reports"] = Access.Member,
        ["POST /reports/{SubmissionId:guid}"] = Access.Member,
        ["POST /scans"] = Access.Member,
        ["POST /scans/{JobId:guid}"] = Access.Member,
        ["POST /separation-designations"] = Access.Member,
        ["POST /separation-exemptions"] = Access.Member,
        ["POST /separation-exemptions/{Id:guid}"] = Access.Member,
        ["POST /supervision/sector-risk"] = Access.Supervisor,
        ["POST /rules/decisions"] = Access.Member,
        ["POST /supervision/separation-exemptions"] = Access.Supervisor,
        ["POST /supervision/separation-exemptions/{Id:guid}"] = Access.Supervisor,
        ["PUT /api/cloud-use/cases/{caseId:guid}/csp-evaluation/items"] = Access.Editor,
        ["PUT /api/cloud-use/cases/{caseId:guid}/facts"] = Access.Editor,
        ["PUT /api/cloud-use/cases/{caseId:guid}/forms/business-continuity-plan"] = Access.Editor,
        ["PUT /api/cloud-use/cases/{caseId:guid}/forms/importance-assessment"] = Access.Editor,
        ["PUT /api/cloud-use/cases/{caseId:guid}/forms/security-measures"] = Access.Editor,
        ["PUT /api/cloud-use/committee/"] = Access.Editor,
        ["PUT /api/continuity/processes/{processId:guid}"] = Access.Editor,
        ["PUT /api/continuity/roles/{roleId:guid}"] = Access.Editor,
    };
}
