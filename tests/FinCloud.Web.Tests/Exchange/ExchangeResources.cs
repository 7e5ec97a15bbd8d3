using FinCloud.Core.Features.Exchange;
using FinCloud.Core.Features.FsiEvaluations;
using FinCloud.Core.Features.Oscal;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Organizations;
using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Features.Exchange;
using FinCloud.Web.Tests.Infrastructure;

namespace FinCloud.Web.Tests.Exchange;

/// <summary>One record of every kind the exchange and supervision routes name, in one organisation, for cross-tenant probes.</summary>
public static class ExchangeResources
{
    public static Task<Dictionary<string, Guid>> OfAsync(FinCloudApp app, Guid organizationId) =>
        app.WithDbAsync(async db =>
        {
            var issuer = await ExchangeKeys.PinAsync(db, ExchangeApi.ExamplePublicKey, "금융감독원", OrganizationKind.Fss, CancellationToken.None);
            var submission = Submission.Receive(SubmissionKind.CloudUseReport, SubmissionChannel.ExchangeBundle, "테스트은행", InstitutionSector.Bank, null,
                Guid.CreateVersion7(), Guid.CreateVersion7(), "보고", "supervisor-report:new-contract", null, "", db.Clock.GetUtcNow(), new string('0', 64), "{}", new ReportedWorkload("테스트클라우드", "SaaS", "kr-central-1", true), db.Clock.GetUtcNow());
            db.Submissions.Add(submission);
            await db.SaveChangesAsync();
            var planned = await FsiResults.PlanAsync(db, "가나클라우드", "가나 IaaS", ServiceModel.Iaas, FsiEvaluationType.Periodic, null, CancellationToken.None);
            var received = await FsiResults.ReceiveAsync(db, "금융보안원", new EvaluationResultPayload(Guid.CreateVersion7(), null, "가나클라우드", "가나 IaaS", ServiceModel.Iaas,
                FsiEvaluationType.Periodic, planned.CatalogueId, new DateOnly(2026, 3, 2), new DateOnly(2027, 3, 1), FsiVerdict.Suitable, []), CancellationToken.None);
            await db.SaveChangesAsync();
            var catalogue = await CatalogueImports.ImportAsync(db, System.Text.Encoding.UTF8.GetBytes(OscalJson.Serialize(
                OscalCatalogs.FromCsp(CspCatalogues.ById("2023"), db.Clock.GetUtcNow()))), null, CancellationToken.None);
            return new Dictionary<string, Guid>
            {
                ["importId"] = catalogue.Catalogue.Id,
                ["trustedIssuerId"] = issuer.Id, ["submissionId"] = submission.Id, ["publicationId"] = planned.Id, ["receivedEvaluationId"] = received!.Id,
            };
        }, organizationId);
}
