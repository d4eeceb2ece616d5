//! spec/bss.yaml operations as shapes: parameters, request body and success response, with
//! every `$ref` followed (a schema that recurs inside itself is cut where it recurs).

use std::collections::BTreeMap;

use openapiv3::{
    Components, MediaType, Parameter, ParameterSchemaOrContent, QueryStyle, ReferenceOr, Schema,
    SchemaKind, StatusCode, Type, VariantOrUnknownOrEmpty,
};

use super::shape::{Field, Node, Operation, Param, Ty};

const SCHEMAS: &str = "#/components/schemas/";

/// Resolves the spec's references.
pub(super) struct Resolver<'a> {
    components: Option<&'a Components>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(components: Option<&'a Components>) -> Self {
        Resolver { components }
    }

    /// The operation's shape; `Err` names a reference that does not resolve.
    pub(super) fn operation(
        &self,
        method: &str,
        path: &str,
        op: &openapiv3::Operation,
    ) -> Result<Operation, String> {
        let mut shape = Operation {
            method: method.to_ascii_uppercase(),
            path: path.to_string(),
            path_params: BTreeMap::new(),
            query: BTreeMap::new(),
            headers: BTreeMap::new(),
            body: None,
            response: None,
        };
        for parameter in &op.parameters {
            let parameter = self.parameter(parameter)?;
            let data = parameter.parameter_data_ref();
            let node = match &data.format {
                ParameterSchemaOrContent::Schema(schema) => self.node(schema, &mut Vec::new())?,
                ParameterSchemaOrContent::Content(_) => Node::scalar(Ty::Other("content".into())),
            };
            let repeated = match parameter {
                Parameter::Query { style, .. } => {
                    node.ty == Ty::Array
                        && matches!(style, QueryStyle::Form)
                        && data.explode.unwrap_or(true)
                }
                _ => false,
            };
            let param = Param {
                name: data.name.clone(),
                required: data.required,
                repeated,
                node,
            };
            match parameter {
                Parameter::Query { .. } => {
                    shape.query.insert(data.name.clone(), param);
                }
                Parameter::Header { .. } => {
                    shape.headers.insert(data.name.to_ascii_lowercase(), param);
                }
                Parameter::Path { .. } => {
                    shape.path_params.insert(data.name.clone(), param);
                }
                // The BSS API has no cookie parameters; the SDK could not send one either.
                Parameter::Cookie { .. } => {}
            }
        }
        if let Some(body) = &op.request_body {
            let body = match body {
                ReferenceOr::Item(body) => body,
                ReferenceOr::Reference { reference } => self
                    .components
                    .and_then(|c| c.request_bodies.get(local(reference, "requestBodies")?))
                    .and_then(ReferenceOr::as_item)
                    .ok_or_else(|| format!("unresolved request body {reference}"))?,
            };
            shape.body = Some(
                self.media(body.content.iter())?
                    .unwrap_or_else(Node::empty_object),
            );
        }
        let success = op
            .responses
            .responses
            .iter()
            .find(|(status, _)| match status {
                StatusCode::Code(code) => (200..300).contains(code),
                StatusCode::Range(range) => *range == 2,
            });
        if let Some((_, response)) = success {
            let response = match response {
                ReferenceOr::Item(response) => response,
                ReferenceOr::Reference { reference } => self
                    .components
                    .and_then(|c| c.responses.get(local(reference, "responses")?))
                    .and_then(ReferenceOr::as_item)
                    .ok_or_else(|| format!("unresolved response {reference}"))?,
            };
            shape.response = self.media(response.content.iter())?;
        }
        Ok(shape)
    }

    fn parameter(&self, parameter: &'a ReferenceOr<Parameter>) -> Result<&'a Parameter, String> {
        match parameter {
            ReferenceOr::Item(parameter) => Ok(parameter),
            ReferenceOr::Reference { reference } => self
                .components
                .and_then(|c| c.parameters.get(local(reference, "parameters")?))
                .and_then(ReferenceOr::as_item)
                .ok_or_else(|| format!("unresolved parameter {reference}")),
        }
    }

    /// The JSON body's shape (`application/json`, else the only content type).
    fn media<'m>(
        &self,
        content: impl Iterator<Item = (&'m String, &'m MediaType)>,
    ) -> Result<Option<Node>, String> {
        let content: Vec<_> = content.collect();
        let media = content
            .iter()
            .find(|(name, _)| name.as_str() == "application/json")
            .or(content.first());
        match media.and_then(|(_, m)| m.schema.as_ref()) {
            Some(schema) => self.node(schema, &mut Vec::new()).map(Some),
            None => Ok(None),
        }
    }

    /// `stack` holds the component schemas being expanded, to cut recursion.
    fn node(&self, schema: &ReferenceOr<Schema>, stack: &mut Vec<String>) -> Result<Node, String> {
        match schema {
            ReferenceOr::Item(schema) => self.schema(schema, stack),
            ReferenceOr::Reference { reference } => {
                let name = reference
                    .strip_prefix(SCHEMAS)
                    .ok_or_else(|| format!("unsupported reference {reference}"))?;
                let target = self
                    .components
                    .and_then(|c| c.schemas.get(name))
                    .ok_or_else(|| format!("unresolved schema {reference}"))?;
                if stack.iter().any(|open| open == name) {
                    // Compared once where it was first expanded.
                    let ty = match target.as_item().map(|s| &s.schema_kind) {
                        Some(SchemaKind::Type(Type::Object(_))) => Ty::Object,
                        _ => Ty::Other(format!("recursive {name}")),
                    };
                    return Ok(Node::scalar(ty));
                }
                stack.push(name.to_string());
                let node = self.node(target, stack);
                stack.pop();
                node
            }
        }
    }

    fn boxed(
        &self,
        schema: &ReferenceOr<Box<Schema>>,
        stack: &mut Vec<String>,
    ) -> Result<Node, String> {
        match schema {
            ReferenceOr::Item(schema) => self.schema(schema, stack),
            ReferenceOr::Reference { reference } => self.node(
                &ReferenceOr::Reference {
                    reference: reference.clone(),
                },
                stack,
            ),
        }
    }

    fn schema(&self, schema: &Schema, stack: &mut Vec<String>) -> Result<Node, String> {
        let ty = match &schema.schema_kind {
            SchemaKind::Type(Type::String(_)) => Ty::String,
            SchemaKind::Type(Type::Integer(_)) => Ty::Integer,
            SchemaKind::Type(Type::Number(number)) => match &number.format {
                VariantOrUnknownOrEmpty::Unknown(format) if format == "decimal" => Ty::Decimal,
                _ => Ty::Number,
            },
            SchemaKind::Type(Type::Boolean(_)) => Ty::Boolean,
            SchemaKind::Type(Type::Array(array)) => {
                let items = match &array.items {
                    Some(items) => self.boxed(items, stack)?,
                    None => Node::scalar(Ty::Other("any".into())),
                };
                return Ok(Node {
                    ty: Ty::Array,
                    items: Some(Box::new(items)),
                    fields: None,
                });
            }
            SchemaKind::Type(Type::Object(object)) => {
                let mut fields = BTreeMap::new();
                for (name, property) in &object.properties {
                    let field = Field {
                        required: object.required.contains(name),
                        node: self.boxed(property, stack)?,
                    };
                    fields.insert(name.clone(), field);
                }
                return Ok(Node {
                    ty: Ty::Object,
                    items: None,
                    fields: Some(fields),
                });
            }
            SchemaKind::OneOf { .. } => Ty::Other("oneOf".into()),
            SchemaKind::AllOf { .. } => Ty::Other("allOf".into()),
            SchemaKind::AnyOf { .. } => Ty::Other("anyOf".into()),
            SchemaKind::Not { .. } => Ty::Other("not".into()),
            SchemaKind::Any(_) => Ty::Other("untyped".into()),
        };
        Ok(Node::scalar(ty))
    }
}

/// `#/components/<section>/<name>` → `name`.
fn local<'r>(reference: &'r str, section: &str) -> Option<&'r str> {
    reference
        .strip_prefix("#/components/")?
        .strip_prefix(section)?
        .strip_prefix('/')
}
