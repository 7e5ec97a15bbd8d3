using FinCloud.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddFinCloud();
var app = builder.Build();
app.UseFinCloud();
var created = await app.PrepareDatabaseAsync();
StartupBanner.PrintOnStart(app, created);
await app.RunAsync();

public partial class Program;
