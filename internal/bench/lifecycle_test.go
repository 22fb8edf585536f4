package bench

import (
	"testing"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// The comparison is fair only when the floor provider's SDK loggers are off
// like the provider's; the -floor-provider-sdk-logs measurement turns that off.
func TestNewSubjectsSwitchOffTheFloorProvidersLoggers(t *testing.T) {
	provider, floor := &tfrun.Provider{Binary: "p"}, &tfrun.Provider{Binary: "f"}
	subjects := newSubjects(provider, floor, false)
	if len(subjects) != 2 || subjects[0].name != subjectProvider || subjects[1].name != subjectFloorProvider {
		t.Fatalf("subjects = %+v", subjects)
	}
	if len(subjects[0].env) != 0 {
		t.Errorf("the provider quiets its own loggers; env = %v", subjects[0].env)
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_CYBERSOURCEFLOOR"} {
		if subjects[1].env[name] != "OFF" {
			t.Errorf("floor provider %s = %q, want OFF", name, subjects[1].env[name])
		}
	}
	if loud := newSubjects(provider, floor, true); len(loud[1].env) != 0 {
		t.Errorf("with SDK logs the floor provider's env = %v, want none", loud[1].env)
	}
}
